package owsim.bench;

import owsim.catalog.Catalog;
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.market.agent.AgentRun;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * The benchmark world for the agent step: the default scenario (the eight-lab landscape since it
 * became the default; the figures before were measured on the four-lab world), fully mixed, run by
 * the agent engine itself. It is the embedded world, so {@code owsim bench agents} runs anywhere. Month 0, when every user chooses for
 * the first time, is stepped before any timing; the timed months are the engine's ordinary months.
 * The horizon is long enough that a timed iteration never reaches the scenario's end.
 */
final class AgentWorkload {
    private AgentWorkload() {}

    static final long SEED = 2025;
    /** Months of the benchmark scenario (the most a scenario may have): more than any iteration steps. */
    static final int MONTHS = 600;

    private static final AgentEngine ENGINE = new AgentEngine(Catalog.bundled());

    static Scenario scenario() {
        return Scenarios.defaultScenario().withMonths(MONTHS).withSeed(SEED);
    }

    /** A run of the engine with month 0 already stepped. */
    static AgentRun start(int users, int threads) {
        AgentRun run = ENGINE.start(scenario(), new AgentOptions(users, threads, null, null));
        run.step();
        return run;
    }
}
