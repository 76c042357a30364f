package owsim.experiment;

import owsim.catalog.Catalog;
import owsim.experiment.design.SampleMatrix;
import owsim.experiment.design.Seeds;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.ScenarioOverrides;

/**
 * Makes any one run of an experiment: the base scenario with the run's design point applied, the
 * run's own seed, the aggregate engine, the chosen metrics. Thread-safe: the engine's caches
 * (serving prices, scaled models) are concurrent maps shared by every run, and all else is immutable.
 */
public final class ExperimentRunner {
    private final Experiment experiment;
    private final SampleMatrix matrix;
    private final AggregateEngine engine;
    private final ScenarioOverrides overrides = new ScenarioOverrides();
    private final String[] paths;

    public ExperimentRunner(Experiment experiment, Catalog catalog) {
        this.experiment = experiment;
        this.matrix = experiment.sample();
        this.engine = new AggregateEngine(catalog);
        this.paths = experiment.paths().toArray(new String[0]);
        Scenarios.checkCatalog(experiment.base(), catalog);
    }

    public Experiment experiment() { return experiment; }

    public SampleMatrix matrix() { return matrix; }

    /** Runs in the whole experiment: design points times replications. */
    public int totalRuns() { return matrix.runs() * experiment.replications(); }

    /** Makes run {@code runId} (0 .. totalRuns - 1). */
    public RunOutput run(int runId) {
        int reps = experiment.replications();
        int row = runId / reps;
        int rep = runId % reps;
        double[] values = matrix.row(row);
        Scenario s = experiment.base();
        for (int p = 0; p < paths.length; p++) s = overrides.apply(s, paths[p], values[p]);
        long seed = Seeds.replication(experiment.rootSeed(), row, rep);
        RunResult r = engine.run(s.withSeed(seed));
        double[] out = new double[experiment.metrics().size()];
        for (int k = 0; k < out.length; k++) out[k] = experiment.metrics().get(k).value(r);
        return new RunOutput(runId, row, rep, seed, values, out);
    }
}
