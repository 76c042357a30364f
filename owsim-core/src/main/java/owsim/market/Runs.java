package owsim.market;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.Payoff;
import owsim.scenario.Scenario;

/** Builds a run's world and state, and turns recorded series into a {@link RunResult}. Shared by engines. */
final class Runs {
    private Runs() {}

    /** The static world of a scenario (checks catalog references first). */
    public static World world(Scenario s, Catalog catalog, ServingPrices prices, Map<String, ModelSpec> scaledCache) {
        return new World(s, catalog, prices, scaledCache);
    }

    /** The world of a run made for its lab and market summaries alone, without what only the monthly series show. */
    public static World summaryWorld(Scenario s, Catalog catalog, ServingPrices prices, Map<String, ModelSpec> scaledCache) {
        return new World(s, catalog, prices, scaledCache, false);
    }

    /** The state at the start of a run. */
    public static MarketState start(World w) {
        return new MarketState(w);
    }

    /** Steps month {@code month} through the mechanisms in order. */
    public static void step(World w, MarketState s, int month, List<Mechanism> mechanisms) {
        s.month = month;
        s.clearFlows();
        for (Mechanism m : mechanisms) m.apply(w, s);
    }

    /** The market series {@link #result} makes the market summary from. */
    static final Set<String> MARKET_SUMMARY_SERIES = Set.of(MetricNames.ALL_TOKENS, MetricNames.OPEN_TOKENS,
        MetricNames.OPEN_MODEL_LAG_MONTHS, MetricNames.CONSUMER_SURPLUS_USD);
    /** The series of each lab {@link #result} makes the lab's summary from. */
    static final Set<String> LAB_SUMMARY_SERIES = Set.of(MetricNames.PROFIT_USD, MetricNames.TOKENS, MetricNames.REVENUE_USD,
        MetricNames.SERVING_COST_USD, MetricNames.DISTILLATION_BURDEN_USD, MetricNames.TRAINING_SPEND_USD);

    /**
     * Assembles the result: series, lab summaries and the market summary.
     *
     * @throws owsim.io.InputException when a value is not a finite number (see {@link FiniteOutputs})
     */
    public static RunResult result(World w, MarketState s, String engine, List<Metric> metrics, double[][] values) {
        Scenario sc = w.scenario;
        int months = sc.months();
        List<Series> series = new ArrayList<>(metrics.size());
        Map<String, double[]> byName = new HashMap<>(2 * metrics.size());
        for (int k = 0; k < metrics.size(); k++) {
            Metric m = metrics.get(k);
            series.add(new Series(m.entity(), m.name(), m.unit(), values[k]));
            byName.put(key(m.entity(), m.name()), values[k]);
        }
        List<LabSummary> labs = new ArrayList<>(w.labs);
        double allTokens = total(byName.get(key(MetricNames.MARKET, MetricNames.ALL_TOKENS)));
        for (int i = 0; i < w.labs; i++) labs.add(labSummary(w, s, i, byName, allTokens));
        double[] lag = byName.get(key(MetricNames.MARKET, MetricNames.OPEN_MODEL_LAG_MONTHS));
        double lastYearOpen = lastYear(byName.get(key(MetricNames.MARKET, MetricNames.OPEN_TOKENS)), months);
        double lastYearAll = lastYear(byName.get(key(MetricNames.MARKET, MetricNames.ALL_TOKENS)), months);
        MarketSummary market = new MarketSummary(lastYearAll > 0 ? lastYearOpen / lastYearAll : 0, lag[months - 1],
            total(byName.get(key(MetricNames.MARKET, MetricNames.CONSUMER_SURPLUS_USD))));
        RunResult result = new RunResult(sc.name(), sc.startMonth(), months, sc.seed(), engine, series, labs, market);
        FiniteOutputs.check(sc, result);
        return result;
    }

    /** Lab i's summary: its users by option at the end, totals of its flows, and its payoff. */
    private static LabSummary labSummary(World w, MarketState s, int i, Map<String, double[]> byName, double allTokens) {
        Scenario sc = w.scenario;
        int months = sc.months();
        LabSpec l = sc.labs().get(i);
        Map<String, Double> byOption = new LinkedHashMap<>();
        for (OptionKind k : OptionKind.values()) byOption.put(k.toString(), s.usersByKind[i * OptionKind.COUNT + k.ordinal()]);
        double lastYear = lastYear(byName.get(key(l.id(), MetricNames.PROFIT_USD)), months) * (12.0 / Math.min(12, months));
        double r = sc.run().discountRatePerYear();
        double terminal = lastYear * sc.run().terminalValueYears() * Math.pow(1 + r, -months / 12.0);
        double tokens = total(byName.get(key(l.id(), MetricNames.TOKENS)));
        double[] measures = new double[Payoff.values().length];
        measures[Payoff.DISCOUNTED_PROFIT.ordinal()] = s.discountedProfit[i];
        measures[Payoff.DISCOUNTED_PROFIT_PLUS_TERMINAL.ordinal()] = s.discountedProfit[i] + terminal;
        measures[Payoff.END_CASH.ordinal()] = s.cash[i];
        measures[Payoff.TERMINAL.ordinal()] = terminal;
        measures[Payoff.TOKEN_SHARE.ordinal()] = allTokens > 0 ? tokens / allTokens : 0;
        measures[Payoff.CAPABILITY_RANK.ordinal()] = capabilityRank(s, i, w.labs);
        double weighted = 0;
        for (Map.Entry<String, Double> e : sc.run().payoffWeights().entrySet()) weighted += e.getValue() * measures[Payoff.parse(e.getKey()).ordinal()];
        measures[Payoff.WEIGHTED.ordinal()] = weighted;
        return new LabSummary(l.id(), l.policy(), byOption, tokens, total(byName.get(key(l.id(), MetricNames.REVENUE_USD))),
            total(byName.get(key(l.id(), MetricNames.SERVING_COST_USD))), total(byName.get(key(l.id(), MetricNames.DISTILLATION_BURDEN_USD))),
            total(byName.get(key(l.id(), MetricNames.TRAINING_SPEND_USD))), s.frontier(i) == null ? 0 : s.frontier(i).capability,
            s.researchers[i], s.cash[i], measures[sc.run().payoff().ordinal()]);
    }

    /** Sum of the last twelve months (all of a shorter run). */
    private static double lastYear(double[] series, int months) {
        double t = 0;
        for (int m = Math.max(0, months - 12); m < months; m++) t += series[m];
        return t;
    }

    /** Labs whose end capability is strictly below lab i's (a lab with no model yet counts as below every lab with one). */
    private static double capabilityRank(MarketState s, int i, int labs) {
        double own = s.frontier(i) == null ? Double.NEGATIVE_INFINITY : s.frontier(i).capability;
        int below = 0;
        for (int j = 0; j < labs; j++) {
            double other = s.frontier(j) == null ? Double.NEGATIVE_INFINITY : s.frontier(j).capability;
            if (other < own) below++;
        }
        return below;
    }

    private static String key(String entity, String metric) {
        return entity + '/' + metric;
    }

    private static double total(double[] series) {
        double t = 0;
        for (double v : series) t += v;
        return t;
    }
}
