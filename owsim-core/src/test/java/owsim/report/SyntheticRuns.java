package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import owsim.market.MetricNames;
import owsim.market.LabSummary;
import owsim.market.MarketSummary;
import owsim.market.RunResult;
import owsim.market.Series;

/** Hand-made runs with the series names of the contract, so writers are tested without an engine. */
final class SyntheticRuns {
    private SyntheticRuns() {}

    static final List<String> LAB_IDS = List.of("closedai", "openlab", "bigapp");
    static final List<String> LAB_METRICS = List.of(MetricNames.CAPABILITY, MetricNames.USERS, "users.subscription", "users.free", "users.api",
        MetricNames.TOKENS, MetricNames.REVENUE_USD, MetricNames.SERVING_COST_USD, MetricNames.DISTILLATION_BURDEN_USD, MetricNames.TRAINING_SPEND_USD, MetricNames.RESEARCHERS, MetricNames.CASH_USD);
    static final List<String> MARKET_METRICS = List.of(MetricNames.OPEN_WEIGHT_TOKEN_SHARE, MetricNames.OPEN_MODEL_LAG_MONTHS, MetricNames.BEST_OPEN_CAPABILITY,
        MetricNames.BEST_CLOSED_CAPABILITY, MetricNames.CONSUMER_SURPLUS_USD);

    /** Three labs, one segment, the market; the open model appears in month 3, so earlier lag is NaN. */
    static RunResult run(int months) {
        List<Series> series = new ArrayList<>();
        List<LabSummary> labs = new ArrayList<>();
        for (int i = 0; i < LAB_IDS.size(); i++) {
            String id = LAB_IDS.get(i);
            int k = i + 1;
            series.add(s(id, MetricNames.CAPABILITY, "log10 FLOP", months, m -> 24.5 + 0.3 * k + 0.04 * m));
            series.add(s(id, MetricNames.USERS, "users", months, m -> 1e6 * k * (1 + m) * (1 + 0.1 * Math.sin(m))));
            series.add(s(id, "users.subscription", "users", months, m -> 2e5 * k * (1 + m)));
            series.add(s(id, "users.free", "users", months, m -> 7e5 * k * (1 + m)));
            series.add(s(id, "users.api", "users", months, m -> 1e5 * k * (1 + m)));
            series.add(s(id, MetricNames.TOKENS, "tokens", months, m -> 3.2e12 * k * (1 + m)));
            series.add(s(id, MetricNames.REVENUE_USD, "USD/month", months, m -> 4.1e7 * k * (1 + 0.2 * m)));
            series.add(s(id, MetricNames.SERVING_COST_USD, "USD/month", months, m -> 2.9e7 * k * (1 + 0.25 * m)));
            series.add(s(id, MetricNames.DISTILLATION_BURDEN_USD, "USD/month", months, m -> k == 1 ? 1.5e6 * m : 0));
            series.add(s(id, MetricNames.TRAINING_SPEND_USD, "USD/month", months, m -> m % 6 == 0 ? 3e8 * k : 0));
            series.add(s(id, MetricNames.RESEARCHERS, "researchers", months, m -> 300.0 * k + 5 * m));
            series.add(s(id, MetricNames.CASH_USD, "USD", months, m -> 2e9 * k - 1.1e8 * k * m));
            labs.add(new LabSummary(id, i == 0 ? "closed" : i == 1 ? "open" : "open-small(30B)",
                Map.of("subscription", 2e5 * k * months, "free", 7e5 * k * months, "api", 1e5 * k * months),
                3.2e12 * k * months, 4.1e7 * k * months, 2.9e7 * k * months, i == 0 ? 1.2e7 : 0, 6e8 * k,
                24.5 + 0.3 * k + 0.04 * months, 300.0 * k + 5 * months, 2e9 * k - 1.1e8 * k * months, -3.4e8 + 1e9 * i));
        }
        series.add(s("consumers", "users.closedai.free", "users", months, m -> 5e5 * (1 + m)));
        series.add(s("consumers", MetricNames.TOKENS, "tokens", months, m -> 8e11 * (1 + m)));
        series.add(s(MetricNames.MARKET, MetricNames.OPEN_WEIGHT_TOKEN_SHARE, "fraction", months, m -> Math.min(0.9, 0.05 + 0.02 * m)));
        series.add(s(MetricNames.MARKET, MetricNames.OPEN_MODEL_LAG_MONTHS, "months", months, m -> m < 3 ? Double.NaN : 14 - 0.2 * m));
        series.add(s(MetricNames.MARKET, MetricNames.BEST_OPEN_CAPABILITY, "log10 FLOP", months, m -> m < 3 ? Double.NaN : 25.1 + 0.04 * m));
        series.add(s(MetricNames.MARKET, MetricNames.BEST_CLOSED_CAPABILITY, "log10 FLOP", months, m -> 25.4 + 0.04 * m));
        series.add(s(MetricNames.MARKET, MetricNames.CONSUMER_SURPLUS_USD, "USD/month", months, m -> 7.7e8 * (1 + 0.1 * m)));
        return new RunResult("synthetic & <test>", "2024-11", months, 42L, "aggregate", series, labs,
            new MarketSummary(0.317, 7.5, 3.3e10));
    }

    static int seriesCount() {
        return LAB_IDS.size() * LAB_METRICS.size() + 2 + MARKET_METRICS.size();
    }

    private static Series s(String entity, String metric, String unit, int months, IntToDoubleFunction f) {
        double[] v = new double[months];
        for (int m = 0; m < months; m++) v[m] = f.applyAsDouble(m);
        return new Series(entity, metric, unit, v);
    }
}
