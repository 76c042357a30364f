package owsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
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
        checkDesign(1);
    }

    /**
     * {@link #checkDesign()} on {@code threads} threads (the sweep's own count: the check comes
     * before the runs, so the cores would otherwise wait for one). The scenarios kept and the error
     * are the same for any count: a point's scenario depends on its row alone, and of the points
     * that fail, the one reported is the first in design order, as on one thread.
     *
     * @throws InputException naming the experiment file, the first design point that fails and its values
     */
    public void checkDesign(int threads) {
        checkDesign(threads, KEEP_CHECKED_LIMIT, CHECK_CHUNK);
    }

    /**
     * Design points a checking thread takes at a time: enough that taking them costs nothing
     * (a point takes about 40 us to build warm), few enough that two threads share the work of
     * a small design.
     */
    static final int CHECK_CHUNK = 256;

    /**
     * {@link #checkDesign(int)}, keeping the scenarios only when points times parameters are at
     * most {@code keepLimit}, the threads taking {@code chunk} points at a time.
     */
    void checkDesign(int threads, long keepLimit, int chunk) {
        int rows = matrix.runs();
        boolean keep = (long) rows * Math.max(1, paths.length) <= keepLimit;
        Scenario[] built = keep ? new Scenario[rows] : null;
        int chunks = (rows + chunk - 1) / chunk;
        // Each chunk's first failing row and what it threw; a chunk past a failure already found is
        // skipped, and the failure reported is the first chunk's that has one: the first in design order.
        int[] failedRow = new int[chunks];
        RuntimeException[] failure = new RuntimeException[chunks];
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        IntConsumer check = c -> {
            int from = c * chunk;
            if (from > firstFailure.get()) return;
            for (int row = from, to = Math.min(rows, from + chunk); row < to; row++) {
                try {
                    Scenario s = overrides.apply(experiment.base(), paths, matrix.row(row));
                    if (keep) built[row] = s;
                } catch (RuntimeException e) {
                    failedRow[c] = row;
                    failure[c] = e;
                    firstFailure.accumulateAndGet(row, Math::min);
                    return;
                }
            }
        };
        int workers = Math.max(1, Math.min(threads, chunks));
        if (workers == 1) {
            for (int c = 0; c < chunks; c++) check.accept(c);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "owsim-check");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> done = new ArrayList<>(chunks);
                for (int c = 0; c < chunks; c++) {
                    int id = c;
                    done.add(pool.submit(() -> check.accept(id)));
                }
                for (Future<?> f : done) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("design check interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        for (int c = 0; c < chunks; c++) {
            if (failure[c] == null) continue;
            if (failure[c] instanceof InputException e) throw invalidPoint(failedRow[c], e);
            throw failure[c];
        }
        checked = built;
    }

    private InputException invalidPoint(int row, InputException e) {
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

    /** The scenario {@link #checkDesign} kept for design point {@code row}, or null (for tests). */
    Scenario checkedScenario(int row) {
        Scenario[] kept = checked;
        return kept == null ? null : kept[row];
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
