package owsim.experiment;

import java.util.ArrayList;
import java.util.List;
import owsim.io.InputException;
import owsim.io.Suggest;
import owsim.market.MetricNames;
import owsim.market.LabSummary;
import owsim.market.MarketSummary;
import owsim.market.RunResult;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;

/**
 * A summary figure read from each run: {@code market.FIELD} (a {@link MarketSummary} field),
 * {@code labs[ID].FIELD} (a {@link LabSummary} number) or {@code labs[ID].users.OPTION}.
 *
 * @param name the name as written, also the results column's name
 * @param lab index of the lab in the base scenario, or -1 for a market figure
 * @param field the summary field
 * @param option the user option for {@code users.OPTION}, else null (with field {@code users}: all the lab's users)
 */
public record OutputMetric(String name, int lab, String field, String option) {
    /** Numeric fields of a lab's summary. */
    public static final List<String> LAB_FIELDS = List.of(MetricNames.TOKENS, MetricNames.REVENUE_USD, MetricNames.SERVING_COST_USD, MetricNames.DISTILLATION_BURDEN_USD,
        MetricNames.TRAINING_SPEND_USD, MetricNames.CAPABILITY, MetricNames.RESEARCHERS, MetricNames.CASH_USD, "payoff", MetricNames.USERS);
    /** Fields of the market summary. */
    public static final List<String> MARKET_FIELDS = List.of(MetricNames.OPEN_WEIGHT_TOKEN_SHARE, MetricNames.OPEN_MODEL_LAG_MONTHS, MetricNames.CONSUMER_SURPLUS_USD);

    /** Parses a metric name against the base scenario; errors list what is allowed. */
    public static OutputMetric parse(String name, Scenario base) {
        if (name.startsWith("market.")) {
            String f = name.substring("market.".length());
            if (!MARKET_FIELDS.contains(f)) throw unknown(name, f, MARKET_FIELDS);
            return new OutputMetric(name, -1, f, null);
        }
        if (name.startsWith("labs[")) {
            int close = name.indexOf("].");
            if (close < 0) throw InputException.ofField(name, "write labs[ID].FIELD, e.g. labs[" + base.labs().get(0).id() + "].payoff");
            String id = name.substring(5, close);
            int lab = base.labIndex(id);
            if (lab < 0) {
                List<String> ids = base.labs().stream().map(l -> l.id()).toList();
                throw InputException.ofField(name, "unknown lab '" + id + "'; did you mean '" + Suggest.closest(id, ids, 1).get(0) + "'? labs: " + String.join(", ", ids));
            }
            String rest = name.substring(close + 2);
            if (rest.startsWith("users.")) {
                String opt = rest.substring("users.".length());
                List<String> options = new ArrayList<>();
                for (OptionKind k : OptionKind.values()) options.add(k.toString());
                if (!options.contains(opt)) throw unknown(name, opt, options);
                return new OutputMetric(name, lab, MetricNames.USERS, opt);
            }
            if (!LAB_FIELDS.contains(rest) || rest.equals(MetricNames.USERS)) throw unknown(name, rest, LAB_FIELDS.subList(0, LAB_FIELDS.size() - 1));
            return new OutputMetric(name, lab, rest, null);
        }
        throw InputException.ofField(name, "a metric is market.FIELD (" + String.join(", ", MARKET_FIELDS) + ") or labs[ID].FIELD ("
            + String.join(", ", LAB_FIELDS.subList(0, LAB_FIELDS.size() - 1)) + ", users.OPTION)");
    }

    /** The default outputs: the market figures and every lab's payoff. */
    public static List<OutputMetric> defaults(Scenario base) {
        List<OutputMetric> out = new ArrayList<>();
        for (String f : MARKET_FIELDS) out.add(new OutputMetric("market." + f, -1, f, null));
        for (int i = 0; i < base.labs().size(); i++) out.add(new OutputMetric("labs[" + base.labs().get(i).id() + "].payoff", i, "payoff", null));
        return out;
    }

    private static InputException unknown(String name, String wrong, List<String> allowed) {
        return InputException.ofField(name, "unknown field '" + wrong + "'; did you mean '" + Suggest.closest(wrong, allowed, 1).get(0)
            + "'? allowed: " + String.join(", ", allowed));
    }

    /** This metric's value in a run's result. */
    public double value(RunResult r) {
        if (lab < 0) {
            MarketSummary m = r.market();
            return switch (field) {
                case MetricNames.OPEN_WEIGHT_TOKEN_SHARE -> m.openWeightTokenShare();
                case MetricNames.OPEN_MODEL_LAG_MONTHS -> m.openModelLagMonths();
                default -> m.consumerSurplusUsd();
            };
        }
        LabSummary l = r.labs().get(lab);
        return switch (field) {
            case MetricNames.TOKENS -> l.tokens();
            case MetricNames.REVENUE_USD -> l.revenueUsd();
            case MetricNames.SERVING_COST_USD -> l.servingCostUsd();
            case MetricNames.DISTILLATION_BURDEN_USD -> l.distillationBurdenUsd();
            case MetricNames.TRAINING_SPEND_USD -> l.trainingSpendUsd();
            case MetricNames.CAPABILITY -> l.capability();
            case MetricNames.RESEARCHERS -> l.researchers();
            case MetricNames.CASH_USD -> l.cashUsd();
            case "payoff" -> l.payoff();
            default -> option == null ? totalUsers(l) : l.usersByOption().getOrDefault(option, 0.0);
        };
    }

    /**
     * All of a lab's users at the end, whatever the option (field {@code users} with no option: a
     * figure of {@link EngineAgreement}, not a name {@link #parse} takes). Summed in key order: a
     * map's own iteration order may differ between JVMs, and so would the last bits.
     */
    private static double totalUsers(LabSummary l) {
        return new java.util.TreeMap<>(l.usersByOption()).values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
