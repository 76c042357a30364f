package owsim.market;

import owsim.catalog.Catalog;
import owsim.scenario.Scenario;

/**
 * A market engine: runs a scenario month by month into a {@link RunResult}. Experiments, the
 * release-policy game, the claims and the command line take any engine; build one by kind with
 * {@code owsim.market.engines.Engines}, or directly ({@code new AggregateEngine(catalog)},
 * {@code new AgentEngine(catalog, options)}).
 *
 * <p>Seeds: a run's randomness comes from the scenario's {@code run.seed} alone (set it with
 * {@link Scenario#withSeed}); the same scenario gives the same bytes on every call, whatever the
 * thread count. Replications are runs on other seeds, which only a {@link EngineKind#stochastic()}
 * engine makes differ. Engines are thread-safe: their caches (serving prices, scaled models) are
 * shared by concurrent runs.
 */
public interface Engine {
    /** Which engine this is; {@link RunResult#engine()} is its {@link EngineKind#id()}. */
    EngineKind kind();

    /** The catalog the engine resolves models and hardware in. */
    Catalog catalog();

    /** Runs a scenario to its end, with every series. */
    RunResult run(Scenario scenario);

    /**
     * Runs a scenario for its lab and market summaries: those equal {@link #run}'s, but an engine
     * may leave out series that only other series show (what an experiment stores needs no more).
     */
    default RunResult summarize(Scenario scenario) {
        return run(scenario);
    }

    /** The engine's name, e.g. {@code aggregate}. */
    default String name() {
        return kind().id();
    }
}
