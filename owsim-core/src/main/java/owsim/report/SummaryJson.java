package owsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import owsim.market.MetricNames;
import owsim.market.LabSummary;
import owsim.market.MarketSummary;
import owsim.market.RunResult;

/**
 * {@code summary.json}: the run's identity, one object per lab and the market figures (field list
 * in the README's "Outputs"). Fields come in a fixed order, numbers that do not exist (NaN, infinite)
 * are {@code null}, indentation is two spaces and lines end with "\n": the same run gives the same bytes.
 */
final class SummaryJson {
    private SummaryJson() {}

    private static final ObjectMapper MAPPER = new ObjectMapper()
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** The summary as a JSON tree. */
    public static ObjectNode tree(RunResult run, String owsimVersion) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("scenario", run.scenarioName());
        root.put("seed", run.seed());
        root.put("engine", run.engine());
        root.put("startMonth", run.startMonth());
        root.put("endMonth", run.monthLabel(Math.max(0, run.months() - 1)));
        root.put("months", run.months());
        root.put("owsimVersion", owsimVersion);
        ArrayNode labs = root.putArray("labs");
        for (LabSummary l : run.labs()) {
            ObjectNode o = labs.addObject();
            o.put("id", l.id());
            o.put("policy", l.policy());
            ObjectNode users = o.putObject("usersByOption");
            for (String k : UserOptions.of(java.util.List.of(l))) number(users, k, l.usersByOption().get(k));
            number(o, MetricNames.USERS, UserOptions.total(l));
            number(o, MetricNames.TOKENS, l.tokens());
            number(o, MetricNames.REVENUE_USD, l.revenueUsd());
            number(o, MetricNames.SERVING_COST_USD, l.servingCostUsd());
            number(o, MetricNames.DISTILLATION_BURDEN_USD, l.distillationBurdenUsd());
            number(o, MetricNames.TRAINING_SPEND_USD, l.trainingSpendUsd());
            number(o, MetricNames.CAPABILITY, l.capability());
            number(o, MetricNames.RESEARCHERS, l.researchers());
            number(o, MetricNames.CASH_USD, l.cashUsd());
            number(o, "payoff", l.payoff());
        }
        MarketSummary m = run.market();
        ObjectNode market = root.putObject("market");
        number(market, MetricNames.OPEN_WEIGHT_TOKEN_SHARE, m.openWeightTokenShare());
        number(market, MetricNames.OPEN_MODEL_LAG_MONTHS, m.openModelLagMonths());
        number(market, MetricNames.CONSUMER_SURPLUS_USD, m.consumerSurplusUsd());
        java.util.List<RegionFigures> regions = RegionFigures.of(run);
        if (!regions.isEmpty()) {
            ArrayNode rs = root.putArray("regions");
            for (RegionFigures r : regions) {
                ObjectNode o = rs.addObject();
                o.put("id", r.id());
                number(o, "population", r.population());
                number(o, "users", r.users());
                ObjectNode u = o.putObject("usersByLab");
                r.usersByLab().forEach((k, v) -> number(u, k, v));
                ObjectNode rev = o.putObject("revenueUsdByLab");
                r.revenueUsdByLab().forEach((k, v) -> number(rev, k, v));
            }
        }
        return root;
    }

    /** Writes the summary followed by a line end; the stream is flushed, not closed. */
    public static void write(RunResult run, String owsimVersion, OutputStream out) throws IOException {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(
                Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        MAPPER.writer(pp).writeValue(out, tree(run, owsimVersion));
        out.write('\n');
        out.flush();
    }

    private static void number(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) o.put(field, v);
        else o.putNull(field);
    }
}
