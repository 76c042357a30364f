package owsim.market.aggregate;

import owsim.catalog.Catalog;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.MarketRun;
import owsim.market.RunCaches;
import owsim.market.RunResult;
import owsim.scenario.Scenario;

/**
 * The expected-value engine: shares of each user class instead of individual users, so a run is
 * deterministic and fast. It only steps every mechanism of the month in MODEL.md's order
 * ({@link MarketRun#step}) and records the declared metrics. Reusing one engine across runs reuses
 * its memoised serving prices.
 */
public final class AggregateEngine implements Engine {
    private final Catalog catalog;
    private final RunCaches caches = new RunCaches();

    public AggregateEngine(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override public EngineKind kind() { return EngineKind.AGGREGATE; }

    /** The catalog this engine resolves models and hardware in. */
    @Override public Catalog catalog() { return catalog; }

    /**
     * Architectures scaled and serving answers priced so far, across runs: they only grow (a slider moved to a new
     * value adds a model size or an input share), so an owner that keeps one engine for many runs (the web app) reads
     * this to replace it with a new one past a bound. A new engine gives the same results, only slower at first.
     */
    public int memoised() {
        return caches.memoised();
    }

    /** Runs a scenario to its end. */
    @Override public RunResult run(Scenario scenario) {
        return run(MarketRun.start(scenario, catalog, caches, kind()));
    }

    /**
     * Runs a scenario for its summaries alone: the result's lab and market summaries are those of
     * {@link #run}, but its series are only the few they are made from, and what only other series
     * show is not computed. What an experiment stores (a run's summary figures) needs no more; the
     * rest was about 12% of a run of the default world.
     */
    @Override public RunResult summarize(Scenario scenario) {
        return run(MarketRun.startSummary(scenario, catalog, caches, kind()));
    }

    private static RunResult run(MarketRun run) {
        for (int m = 0; m < run.months(); m++) run.step(m);
        return run.result();
    }
}
