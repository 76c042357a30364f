package owsim.experiment;

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
        checkDesign(KEEP_CHECKED_LIMIT);
    }

    /** {@link #checkDesign()}, keeping the scenarios only when points times parameters are at most {@code keepLimit}. */
    void checkDesign(long keepLimit) {
        boolean keep = (long) matrix.runs() * Math.max(1, paths.length) <= keepLimit;
        Scenario[] built = keep ? new Scenario[matrix.runs()] : null;
        for (int row = 0; row < matrix.runs(); row++) {
            double[] values = matrix.row(row);
            try {
                Scenario s = overrides.apply(experiment.base(), paths, values);
                if (keep) built[row] = s;
            } catch (InputException e) {
                StringBuilder point = new StringBuilder();
                for (int k = 0; k < paths.length; k++) {
                    if (k > 0) point.append(", ");
                    point.append(paths[k]).append(" = ").append(values[k]);
                }
                String where = experiment.design() instanceof CsvDesign csv ? " (row " + (row + 1) + " of " + csv.file().getFileName() + ")" : "";
                throw new InputException(experiment.source(), 0, 0, "design",
                    "design point " + row + where + " (" + point + ") is not a valid scenario: " + e.getMessage());
            }
        }
        checked = built;
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
