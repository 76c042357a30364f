package owsim.experiment;

import java.util.ArrayList;
import java.util.List;
import owsim.catalog.Catalog;
import owsim.experiment.analysis.ReplicationSummary;
import owsim.market.LabSummary;
import owsim.market.MarketSummary;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.progress.ProgressListener;
import owsim.progress.ProgressMeter;
import owsim.scenario.Scenario;

/**
 * Whether the two market engines tell one story: a scenario's aggregate run against replications
 * of its agent run (seeds seed, seed + 1, ...), figure by figure of the run summary (every lab's
 * users, tokens, money, capability, researchers, cash and payoff; the market's figures). The
 * aggregate engine computes expected shares, so where the model is linear in the users it is the
 * mean the replications estimate; where it is not (awareness spreading through users, derivatives
 * feeding utility) the two differ by a bias this comparison measures.
 */
public final class EngineAgreement {
    private EngineAgreement() {}

    /** Confidence of the per-figure interval. */
    public static final double CONFIDENCE = 0.95;
    /** Relative gap below which two figures differ only by the order of their sums. */
    static final double ROUNDING = 1e-9;

    /**
     * One summary figure.
     *
     * @param name "lab-id metric" or "market metric"
     * @param aggregate the aggregate engine's value
     * @param agent the replications' mean, standard deviation and 95% t interval of the mean
     */
    public record Figure(String name, double aggregate, ReplicationSummary agent) {
        /** Agent mean minus aggregate value, as a share of the aggregate's size (0 when both are 0). */
        public double relativeGap() {
            double gap = agent.mean() - aggregate;
            if (aggregate == 0) return gap == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, gap);
            return gap / Math.abs(aggregate);
        }

        /** Agent mean minus aggregate value in standard errors of the mean (0 when both agree exactly). */
        public double standardErrors() {
            double se = agent.sd() / Math.sqrt(agent.replications());
            double gap = agent.mean() - aggregate;
            return gap == 0 ? 0 : se > 0 ? gap / se : Math.copySign(Double.POSITIVE_INFINITY, gap);
        }

        /**
         * Whether the aggregate value lies within the agent mean's 95% interval, or within rounding of the
         * mean: a figure no user moves (researchers where the talent pool is not scarce) has a spread of a
         * few ulps, and an interval that narrow would call the last bit of a sum a disagreement.
         */
        public boolean bracketed() {
            double gap = Math.abs(agent.mean() - aggregate);
            return aggregate >= agent.ciLow() && aggregate <= agent.ciHigh() || gap <= ROUNDING * Math.max(Math.abs(aggregate), Math.abs(agent.mean()));
        }
    }

    /** The comparison: the scenario, the agent runs' size and every figure. */
    public record Result(String scenarioName, int users, int replications, long firstSeed, List<Figure> figures) {
        public Result {
            figures = List.copyOf(figures);
        }

        /** How many figures the agent runs' 95% interval brackets. */
        public long bracketed() {
            return figures.stream().filter(Figure::bracketed).count();
        }
    }

    /**
     * Runs the aggregate engine once and the agent engine {@code replications} times.
     *
     * @param threads worker threads of each agent run (changes the speed, not the result)
     * @param progress receives one unit per finished agent run
     */
    public static Result compare(Catalog catalog, Scenario s, int users, int replications, int threads, ProgressListener progress) {
        if (replications < 2) throw new IllegalArgumentException("replications must be at least 2 to give an interval, was " + replications);
        RunResult aggregate = new AggregateEngine(catalog).run(s);
        AgentEngine agent = new AgentEngine(catalog);
        List<double[]> runs = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter("agent runs", replications, progress);
        for (int r = 0; r < replications; r++) {
            runs.add(figures(agent.run(s.withSeed(s.seed() + r), new AgentOptions(users, threads, null, null))));
            meter.advance(1);
        }
        double[] agg = figures(aggregate);
        List<String> names = names(aggregate);
        List<Figure> out = new ArrayList<>(names.size());
        for (int k = 0; k < names.size(); k++) {
            double[] values = new double[replications];
            for (int r = 0; r < replications; r++) values[r] = runs.get(r)[k];
            out.add(new Figure(names.get(k), agg[k], ReplicationSummary.of(names.get(k), values, CONFIDENCE)));
        }
        return new Result(s.name(), users, replications, s.seed(), out);
    }

    private static final String[] LAB_FIGURES = {"users", "tokens", "revenueUsd", "servingCostUsd", "distillationBurdenUsd",
        "trainingSpendUsd", "capability", "researchers", "cashUsd", "payoff"};
    private static final String[] MARKET_FIGURES = {"openWeightTokenShare", "openModelLagMonths", "consumerSurplusUsd"};

    private static List<String> names(RunResult r) {
        List<String> names = new ArrayList<>();
        for (LabSummary l : r.labs()) for (String f : LAB_FIGURES) names.add(l.id() + " " + f);
        for (String f : MARKET_FIGURES) names.add("market " + f);
        return names;
    }

    /** The run's summary figures in the order of {@link #names}. */
    private static double[] figures(RunResult r) {
        double[] v = new double[r.labs().size() * LAB_FIGURES.length + MARKET_FIGURES.length];
        int k = 0;
        for (LabSummary l : r.labs()) {
            // Summed in key order: the map's own iteration order may differ between JVMs, and so would the last bits.
            v[k++] = new java.util.TreeMap<>(l.usersByOption()).values().stream().mapToDouble(Double::doubleValue).sum();
            v[k++] = l.tokens();
            v[k++] = l.revenueUsd();
            v[k++] = l.servingCostUsd();
            v[k++] = l.distillationBurdenUsd();
            v[k++] = l.trainingSpendUsd();
            v[k++] = l.capability();
            v[k++] = l.researchers();
            v[k++] = l.cashUsd();
            v[k++] = l.payoff();
        }
        MarketSummary m = r.market();
        v[k++] = m.openWeightTokenShare();
        v[k++] = m.openModelLagMonths();
        v[k] = m.consumerSurplusUsd();
        return v;
    }
}
