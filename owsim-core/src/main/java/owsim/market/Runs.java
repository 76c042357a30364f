package owsim.market;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.Payoff;
import owsim.scenario.Scenario;

/** Builds a run's world and state, and turns recorded series into a {@link RunResult}. Shared by engines. */
public final class Runs {
    private Runs() {}

    /** The static world of a scenario (checks catalog references first). */
    public static World world(Scenario s, Catalog catalog, ServingPrices prices, Map<String, ModelSpec> scaledCache) {
        return new World(s, catalog, prices, scaledCache);
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

    /** Assembles the result: series, lab summaries and the market summary. */
    public static RunResult result(World w, MarketState s, String engine, List<Metric> metrics, double[][] values) {
        Scenario sc = w.scenario;
        int months = sc.months();
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < metrics.size(); k++) {
            Metric m = metrics.get(k);
            series.add(new Series(m.entity(), m.name(), m.unit(), values[k]));
        }
        RunResult partial = new RunResult(sc.name(), sc.startMonth(), months, sc.seed(), engine, series, List.of(), new MarketSummary(0, 0, 0));
        List<LabSummary> labs = new ArrayList<>();
        double r = sc.run().discountRatePerYear();
        double allTokens = sum(partial, "market", "allTokens");
        for (int i = 0; i < w.labs; i++) {
            LabSpec l = sc.labs().get(i);
            Map<String, Double> byOption = new LinkedHashMap<>();
            for (OptionKind k : OptionKind.values()) byOption.put(k.toString(), s.usersByKind[i * 5 + k.ordinal()]);
            double lastYear = 0;
            double[] profit = partial.series(l.id(), "profitUsd").values();
            for (int t = Math.max(0, months - 12); t < months; t++) lastYear += profit[t];
            lastYear *= 12.0 / Math.min(12, months);
            double terminal = lastYear * sc.run().terminalValueYears() * Math.pow(1 + r, -months / 12.0);
            double tokenShare = allTokens > 0 ? sum(partial, l.id(), "tokens") / allTokens : 0;
            double[] measures = new double[Payoff.values().length];
            measures[Payoff.DISCOUNTED_PROFIT.ordinal()] = s.discountedProfit[i];
            measures[Payoff.DISCOUNTED_PROFIT_PLUS_TERMINAL.ordinal()] = s.discountedProfit[i] + terminal;
            measures[Payoff.END_CASH.ordinal()] = s.cash[i];
            measures[Payoff.TERMINAL.ordinal()] = terminal;
            measures[Payoff.TOKEN_SHARE.ordinal()] = tokenShare;
            measures[Payoff.CAPABILITY_RANK.ordinal()] = capabilityRank(s, i, w.labs);
            double weighted = 0;
            for (Map.Entry<String, Double> e : sc.run().payoffWeights().entrySet()) weighted += e.getValue() * measures[Payoff.parse(e.getKey()).ordinal()];
            measures[Payoff.WEIGHTED.ordinal()] = weighted;
            double payoff = measures[sc.run().payoff().ordinal()];
            labs.add(new LabSummary(l.id(), l.policy(), byOption, sum(partial, l.id(), "tokens"), sum(partial, l.id(), "revenueUsd"),
                sum(partial, l.id(), "servingCostUsd"), sum(partial, l.id(), "distillationBurdenUsd"),
                sum(partial, l.id(), "trainingSpendUsd"), s.frontier(i) == null ? 0 : s.frontier(i).capability,
                s.researchers[i], s.cash[i], payoff));
        }
        double open = 0;
        double all = 0;
        double[] ot = partial.series("market", "openTokens").values();
        double[] at = partial.series("market", "allTokens").values();
        for (int t = Math.max(0, months - 12); t < months; t++) {
            open += ot[t];
            all += at[t];
        }
        double[] lag = partial.series("market", "openModelLagMonths").values();
        MarketSummary market = new MarketSummary(all > 0 ? open / all : 0, lag[months - 1], sum(partial, "market", "consumerSurplusUsd"));
        return new RunResult(sc.name(), sc.startMonth(), months, sc.seed(), engine, series, labs, market);
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

    private static double sum(RunResult r, String entity, String metric) {
        double t = 0;
        for (double v : r.series(entity, metric).values()) t += v;
        return t;
    }
}
