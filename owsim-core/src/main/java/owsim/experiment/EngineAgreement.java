package owsim.experiment;

import java.util.ArrayList;
import java.util.List;
import owsim.catalog.Catalog;
import owsim.experiment.analysis.ReplicationSummary;
import owsim.market.MetricNames;
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
        List<OutputMetric> figures = figures(s);
        RunResult aggregate = new AggregateEngine(catalog).run(s);
        AgentEngine agent = new AgentEngine(catalog);
        double[][] runs = new double[figures.size()][replications];
        ProgressMeter meter = new ProgressMeter("agent runs", replications, progress);
        for (int r = 0; r < replications; r++) {
            RunResult run = agent.run(s.withSeed(s.seed() + r), new AgentOptions(users, threads, null, null));
            for (int k = 0; k < figures.size(); k++) runs[k][r] = figures.get(k).value(run);
            meter.advance(1);
        }
        List<Figure> out = new ArrayList<>(figures.size());
        for (int k = 0; k < figures.size(); k++) {
            OutputMetric f = figures.get(k);
            out.add(new Figure(f.name(), f.value(aggregate), ReplicationSummary.of(f.name(), runs[k], CONFIDENCE)));
        }
        return new Result(s.name(), users, replications, s.seed(), out);
    }

    /**
     * Every summary figure, named "lab-id field" and "market field": per lab all its users, then
     * {@link OutputMetric#LAB_FIELDS}; then {@link OutputMetric#MARKET_FIELDS}.
     */
    private static List<OutputMetric> figures(Scenario s) {
        List<OutputMetric> out = new ArrayList<>();
        for (int i = 0; i < s.labs().size(); i++) {
            String id = s.labs().get(i).id();
            out.add(new OutputMetric(id + " " + MetricNames.USERS, i, MetricNames.USERS, null));
            for (String f : OutputMetric.LAB_FIELDS) if (!f.equals(MetricNames.USERS)) out.add(new OutputMetric(id + " " + f, i, f, null));
        }
        for (String f : OutputMetric.MARKET_FIELDS) out.add(new OutputMetric("market " + f, -1, f, null));
        return out;
    }
}
