package owsim.experiment;

import java.util.concurrent.atomic.AtomicInteger;
import owsim.catalog.Catalog;
import owsim.experiment.design.CsvDesign;
import owsim.experiment.design.SampleMatrix;
import owsim.random.Seeds;
import owsim.io.InputException;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.RunResult;
import owsim.market.agent.AgentOptions;
import owsim.market.engines.Engines;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.ScenarioOverrides;

/**
 * Makes any one run of an experiment: the base scenario with the run's design point applied, the
 * run's own seed, the experiment's engine, the chosen metrics. Thread-safe: the engine's caches
 * (serving prices, scaled models) are concurrent maps shared by every run, and all else is
 * immutable. An agent run uses one thread: the sweep parallelises across runs, and the agent
 * engine's result does not depend on its thread count.
 */
public final class ExperimentRunner {
    private final Experiment experiment;
    private final SampleMatrix matrix;
    private final Engine engine;
    private final ScenarioOverrides overrides = new ScenarioOverrides();
    private final String[] paths;
    /**
     * Each design point's scenario as {@link #checkDesign} built it, for the runs to use rather
     * than build it again; null when the check has not run or the design is too big to keep.
     * Written once, before any run starts on another thread (the sweep's threads are started after).
     */
    private volatile Scenario[] checked;

    /**
     * Most design points times parameters whose checked scenarios are kept: a scenario with its
     * design point applied holds about 90 bytes per parameter of its own (rebuilt records on the
     * paths; the rest is shared with the base; 1.8 kB for the 20 parameters of
     * experiments/sobol-twenty.yaml), so at most about 100 MB. Larger designs build each point
     * twice (a point costs about 20 us to build warm, a run milliseconds).
     */
    static final long KEEP_CHECKED_LIMIT = 1L << 20;

    public ExperimentRunner(Experiment experiment, Catalog catalog) {
        this.experiment = experiment;
        this.matrix = experiment.sample();
        EngineKind kind = experiment.spec().engineKind();
        this.engine = Engines.create(kind, catalog, kind == EngineKind.AGENT ? AgentOptions.of(experiment.spec().users()) : null);
        this.paths = experiment.paths().toArray(new String[0]);
        Scenarios.checkCatalog(experiment.base(), catalog);
    }

    /**
     * Builds every design point's scenario without running it, so that a combination the scenario
     * does not allow (or a csv value, or a fraction for a whole-number field) stops the sweep
     * before its first run rather than when a run reaches it. The scenarios built are kept for
     * the runs (up to {@link #KEEP_CHECKED_LIMIT}), so a point is built once. Call it before the
     * runs start, on the thread that starts them.
     *
     * @throws InputException naming the experiment file, the design point and its values
     */
    public void checkDesign() {
        checkDesign(KEEP_CHECKED_LIMIT, 1);
    }

    /**
     * {@link #checkDesign()} on {@code threads} threads (the sweep's own, before its runs start):
     * the points are independent, so the same scenarios are kept, and a design with invalid points
     * fails on the first of them (the lowest row), as on one thread. The 22,528 points of a Sobol
     * sweep of 20 parameters took about 3 s on one thread while the other cores waited.
     *
     * @throws InputException naming the experiment file, the first invalid design point and its values
     */
    public void checkDesign(int threads) {
        checkDesign(KEEP_CHECKED_LIMIT, threads);
    }

    /** Fewest design points per thread worth starting a thread for (a point takes tens of microseconds warm). */
    private static final int POINTS_PER_THREAD = 256;

    /**
     * {@link #checkDesign(int)}, keeping the scenarios only when points times parameters are at most
     * {@code keepLimit}; up to {@code threads} threads, each taking every n-th point in ascending order.
     */
    void checkDesign(long keepLimit, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads: must be at least 1, was " + threads);
        int rows = matrix.runs();
        boolean keep = (long) rows * Math.max(1, paths.length) <= keepLimit;
        Scenario[] built = keep ? new Scenario[rows] : null;
        int n = Math.max(1, Math.min(threads, rows / POINTS_PER_THREAD));
        // The lowest invalid row found so far: a thread skips the rows above it, never one below.
        AtomicInteger firstBad = new AtomicInteger(Integer.MAX_VALUE);
        Throwable[] failure = new Throwable[n];
        int[] failedRow = new int[n];
        Thread[] started = new Thread[n - 1];
        for (int k = 1; k < n; k++) {
            int part = k;
            started[k - 1] = new Thread(() -> checkRows(part, n, built, firstBad, failure, failedRow), "owsim-check-design-" + k);
            started[k - 1].start();
        }
        checkRows(0, n, built, firstBad, failure, failedRow);
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while checking the design", e);
            }
        }
        int bad = firstBad.get();
        if (bad != Integer.MAX_VALUE) {
            for (int k = 0; k < n; k++) {
                if (failure[k] == null || failedRow[k] != bad) continue;
                if (failure[k] instanceof Error e) throw e;
                throw describe(bad, (RuntimeException) failure[k]);
            }
        }
        checked = built;
    }

    /** Builds rows {@code part}, {@code part + n}, ... in order until one fails or passes the lowest failure found. */
    private void checkRows(int part, int n, Scenario[] built, AtomicInteger firstBad, Throwable[] failure, int[] failedRow) {
        for (int row = part; row < matrix.runs() && row < firstBad.get(); row += n) {
            try {
                Scenario s = overrides.apply(experiment.base(), paths, matrix.row(row));
                if (built != null) built[row] = s;
            } catch (RuntimeException | Error e) { // rethrown by the thread that checks, for the lowest row
                failure[part] = e;
                failedRow[part] = row;
                firstBad.accumulateAndGet(row, Math::min);
                return;
            }
        }
    }

    /** The error of design point {@code row}: an input error named with the point, anything else as it was thrown. */
    private RuntimeException describe(int row, RuntimeException failure) {
        if (!(failure instanceof InputException e)) return failure;
        double[] values = matrix.row(row);
        StringBuilder point = new StringBuilder();
        for (int k = 0; k < paths.length; k++) {
            if (k > 0) point.append(", ");
            point.append(paths[k]).append(" = ").append(values[k]);
        }
        String where = experiment.design() instanceof CsvDesign csv ? " (row " + (row + 1) + " of " + csv.file().getFileName() + ")" : "";
        return new InputException(experiment.source(), 0, 0, "design",
            "design point " + row + where + " (" + point + ") is not a valid scenario: " + e.getMessage());
    }

    public Experiment experiment() { return experiment; }

    /** Whether the runs use the scenarios {@link #checkDesign} built (for tests). */
    boolean usesCheckedScenarios() { return checked != null; }

    /** The engine every run uses. */
    public Engine engine() { return engine; }

    public SampleMatrix matrix() { return matrix; }

    /** Runs in the whole experiment: design points times replications. */
    public int totalRuns() { return matrix.runs() * experiment.replications(); }

    /** Makes run {@code runId} (0 .. totalRuns - 1). */
    public RunOutput run(int runId) {
        int reps = experiment.replications();
        int row = runId / reps;
        int rep = runId % reps;
        double[] values = matrix.row(row);
        Scenario[] kept = checked;
        Scenario s = kept != null ? kept[row] : overrides.apply(experiment.base(), paths, values);
        long seed = Seeds.replication(experiment.rootSeed(), row, rep);
        RunResult r = engine.summarize(s.withSeed(seed));
        double[] out = new double[experiment.metrics().size()];
        for (int k = 0; k < out.length; k++) out[k] = experiment.metrics().get(k).value(r);
        return new RunOutput(runId, row, rep, seed, values, out);
    }
}
