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
        return compare(catalog, s, users, replications, threads, List.of(), progress);
    }

    /**
     * As {@link #compare(Catalog, Scenario, int, int, int, ProgressListener)}, with the summary figures
     * followed by monthly figures read from the runs' series at each of {@code months}: per month, every
     * lab's users, revenue and tokens that month, then (when the run has regions) every region's users,
     * then every lab's cash and the market's open-weight token share, open-model lag and consumer surplus.
     * A month is 1-based, as docs/MODEL.md counts them: month m is row m of {@code timeseries.csv}
     * ({@link owsim.market.Series#at} index m - 1), month {@link Scenario#months()} the last.
     *
     * @param months 1-based months, each from 1 to the run's months; in the order given (empty: none)
     */
    public static Result compare(Catalog catalog, Scenario s, int users, int replications, int threads, List<Integer> months, ProgressListener progress) {
        if (replications < 2) throw new IllegalArgumentException("replications must be at least 2 to give an interval, was " + replications);
        int length = s.months();
        for (int m : months) {
            if (m < 1 || m > length) throw new IllegalArgumentException("month must be from 1 to the run's " + length + " months, was " + m);
        }
        List<OutputMetric> figures = figures(s);
        RunResult aggregate = new AggregateEngine(catalog).run(s);
        List<MonthFigure> monthly = monthFigures(s, aggregate, months);
        int n = figures.size() + monthly.size();
        AgentEngine agent = new AgentEngine(catalog);
        double[][] runs = new double[n][replications];
        ProgressMeter meter = new ProgressMeter("agent runs", replications, progress);
        for (int r = 0; r < replications; r++) {
            RunResult run = agent.run(s.withSeed(s.seed() + r), new AgentOptions(users, threads, null, null));
            for (int k = 0; k < figures.size(); k++) runs[k][r] = figures.get(k).value(run);
            for (int k = 0; k < monthly.size(); k++) runs[figures.size() + k][r] = monthly.get(k).value(run);
            meter.advance(1);
        }
        List<Figure> out = new ArrayList<>(n);
        for (int k = 0; k < figures.size(); k++) {
            OutputMetric f = figures.get(k);
            out.add(new Figure(f.name(), f.value(aggregate), ReplicationSummary.of(f.name(), runs[k], CONFIDENCE)));
        }
        for (int k = 0; k < monthly.size(); k++) {
            MonthFigure f = monthly.get(k);
            out.add(new Figure(f.name(), f.value(aggregate), ReplicationSummary.of(f.name(), runs[figures.size() + k], CONFIDENCE)));
        }
        return new Result(s.name(), users, replications, s.seed(), out);
    }

    /**
     * One series of a run at one month, named "month M ENTITY METRIC" ("month 12 frontier-closed users",
     * "month 12 region china users", "month 12 market openWeightTokenShare").
     *
     * @param month 1-based
     */
    private record MonthFigure(String name, String entity, String metric, int month) {
        double value(RunResult run) {
            return run.series(entity, metric).at(month - 1);
        }
    }

    /**
     * The market's series compared by month: those docs/MODEL.md 3.5's landscape table reports by month
     * (open-weight token share, open-model lag, consumer surplus a month).
     */
    private static final List<String> MONTH_MARKET_METRICS =
        List.of(MetricNames.OPEN_WEIGHT_TOKEN_SHARE, MetricNames.OPEN_MODEL_LAG_MONTHS, MetricNames.CONSUMER_SURPLUS_USD);

    /**
     * Per month: each lab's users, revenue and tokens, then each region's users (regions the run has),
     * then each lab's cash, then the market's {@link #MONTH_MARKET_METRICS}.
     */
    private static List<MonthFigure> monthFigures(Scenario s, RunResult aggregate, List<Integer> months) {
        List<MonthFigure> out = new ArrayList<>();
        for (int m : months) {
            for (var lab : s.labs()) {
                for (String metric : List.of(MetricNames.USERS, MetricNames.REVENUE_USD, MetricNames.TOKENS)) {
                    out.add(new MonthFigure("month " + m + " " + lab.id() + " " + metric, lab.id(), metric, m));
                }
            }
            for (var region : s.regions()) {
                String metric = "region." + region.id() + "." + MetricNames.USERS;
                if (aggregate.series(MetricNames.MARKET, metric) != null) {
                    out.add(new MonthFigure("month " + m + " region " + region.id() + " " + MetricNames.USERS, MetricNames.MARKET, metric, m));
                }
            }
            for (var lab : s.labs()) {
                out.add(new MonthFigure("month " + m + " " + lab.id() + " " + MetricNames.CASH_USD, lab.id(), MetricNames.CASH_USD, m));
            }
            for (String metric : MONTH_MARKET_METRICS) {
                out.add(new MonthFigure("month " + m + " " + MetricNames.MARKET + " " + metric, MetricNames.MARKET, metric, m));
            }
        }
        return out;
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
