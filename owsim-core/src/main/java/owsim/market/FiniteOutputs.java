package owsim.market;

import java.util.List;
import java.util.Map;
import java.util.Set;
import owsim.io.InputException;
import owsim.scenario.Scenario;

/**
 * The last check before a run's numbers leave the engine (files, tables, claims, stored sweep
 * runs): every value is finite, or the run fails as bad input, naming the series, entity and month
 * and the part of the scenario to look at. Scenario ranges keep single values sane; this catches
 * combinations of large values that overflow together, so no NaN or infinity is ever reported as a result.
 */
final class FiniteOutputs {
    private FiniteOutputs() {}

    /** Market series that have no value until what they measure exists (no open model yet, none at the fixed capability): NaN there means "none". */
    static final Set<String> MAY_BE_MISSING = Set.of(MetricNames.OPEN_MODEL_LAG_MONTHS, MetricNames.BEST_OPEN_CAPABILITY, MetricNames.BEST_CLOSED_CAPABILITY,
        MetricNames.USD_PER_MILLION_TOKENS_AT_FIXED_CAPABILITY);

    /** Throws an {@link InputException} at the first (earliest month, then series order) value that is not a number. */
    static void check(Scenario sc, RunResult r) {
        List<Series> series = r.series();
        double[][] values = new double[series.size()][];
        for (int k = 0; k < values.length; k++) values[k] = series.get(k).values();
        for (int m = 0; m < r.months(); m++) {
            for (int k = 0; k < values.length; k++) {
                double v = values[k][m];
                if (Double.isFinite(v)) continue;
                Series s = series.get(k);
                if (Double.isNaN(v) && s.entity().equals(MetricNames.MARKET) && MAY_BE_MISSING.contains(s.metric())) continue;
                throw fail(sc, v, s.metric(), s.entity(), "at " + r.monthLabel(m));
            }
        }
        for (LabSummary l : r.labs()) {
            for (Map.Entry<String, Double> e : l.usersByOption().entrySet()) summary(sc, e.getValue(), MetricNames.USERS + "." + e.getKey(), l.id());
            summary(sc, l.tokens(), MetricNames.TOKENS, l.id());
            summary(sc, l.revenueUsd(), MetricNames.REVENUE_USD, l.id());
            summary(sc, l.servingCostUsd(), MetricNames.SERVING_COST_USD, l.id());
            summary(sc, l.distillationBurdenUsd(), MetricNames.DISTILLATION_BURDEN_USD, l.id());
            summary(sc, l.trainingSpendUsd(), MetricNames.TRAINING_SPEND_USD, l.id());
            summary(sc, l.capability(), MetricNames.CAPABILITY, l.id());
            summary(sc, l.researchers(), MetricNames.RESEARCHERS, l.id());
            summary(sc, l.cashUsd(), MetricNames.CASH_USD, l.id());
            summary(sc, l.payoff(), "payoff", l.id());
        }
        MarketSummary m = r.market();
        summary(sc, m.openWeightTokenShare(), MetricNames.OPEN_WEIGHT_TOKEN_SHARE, MetricNames.MARKET);
        summary(sc, m.consumerSurplusUsd(), MetricNames.CONSUMER_SURPLUS_USD, MetricNames.MARKET);
        if (Double.isInfinite(m.openModelLagMonths())) throw fail(sc, m.openModelLagMonths(), MetricNames.OPEN_MODEL_LAG_MONTHS, MetricNames.MARKET, "in the run's summary");
    }

    private static void summary(Scenario sc, double v, String what, String entity) {
        if (!Double.isFinite(v)) throw fail(sc, v, what, entity, "in the run's summary");
    }

    private static InputException fail(Scenario sc, double v, String metric, String entity, String when) {
        return new InputException(null, 0, 0, null, "scenario '" + sc.name() + "' produced a non-finite value (" + v + ") in "
            + metric + " for " + entity + " " + when + ": check " + inputsOf(sc, entity, metric)
            + " (values near the upper bounds in docs/SCENARIOS.md can overflow together); nothing was written");
    }

    /** The part of the scenario an entity's numbers come from. */
    private static String inputsOf(Scenario sc, String entity, String metric) {
        int lab = sc.labIndex(entity);
        if (lab >= 0) return "labs[" + lab + "] (" + entity + ") and the distillers and segments it serves";
        int seg = sc.segmentIndex(entity);
        // A segment's part in a region ("developers.china") is named after its segment.
        if (seg < 0 && entity.lastIndexOf('.') > 0) seg = sc.segmentIndex(entity.substring(0, entity.lastIndexOf('.')));
        if (seg >= 0) return "segments[" + seg + "] (" + entity + ")";
        if (metric.startsWith("host.")) {
            String id = metric.substring(5, metric.lastIndexOf('.'));
            for (int h = 0; h < sc.hosts().size(); h++) if (sc.hosts().get(h).id().equals(id)) return "hosts[" + h + "] (" + id + ")";
        }
        return "the technology and market sections and the labs' prices and budgets";
    }
}
