package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.IndividualMarket;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.SameRuns;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * The agent engine on twenty labs: no table of every awareness pattern (2^20 per class), the
 * patterns met are cached per block; the result is the same for any thread count and near the
 * aggregate engine's.
 */
class TwentyLabsAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();

    static Scenario twentyLabs() {
        try {
            return Scenarios.load(Path.of(TwentyLabsAgentTest.class.getResource("/scenarios/twenty-labs.yaml").toURI())).withMonths(12);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsOnOneAndTwoThreadsWithTheSameBytes() {
        Scenario s = twentyLabs();
        assertThat(s.labs().size()).isGreaterThan(IndividualMarket.TABLE_MAX_LABS);
        AgentEngine engine = new AgentEngine(CATALOG);
        RunResult one = engine.run(s, new AgentOptions(20_000, 1, null, null));
        RunResult two = engine.run(s, new AgentOptions(20_000, 2, null, null));
        SameRuns.assertSameRun(one, two);
    }

    /** A twenty-lab run on a network, bit for bit (digest re-made when replacement and reconsidering came to share one draw a user). */
    @Test
    void networkRunKeepsItsBytes() {
        // Pinned before financing existed, so without it (FinancingTest checks that off is the old run).
        Scenario s = TestScenarios.withoutFinancing(twentyLabs()).withNetwork(new owsim.scenario.NetworkSpec(owsim.scenario.NetworkSpec.Kind.ERDOS_RENYI, 10.0, null, null));
        RunResult r = new AgentEngine(CATALOG).run(s, new AgentOptions(30_000, 2, null, null));
        assertThat(RunDigest.of(r)).isEqualTo("be61f31ed422a4c99cc462938c54cbe4b0b0324ea9a87d2e2bea515885824728");
    }

    /**
     * Users of all labs and consumer surplus after a year within 5% of the aggregate engine's
     * (20,000 simulated users, two blocks: the sampling error of the leading labs' shares is under 1%).
     */
    @Test
    void agreesWithTheAggregateEngineOnTheMarketsTotals() {
        Scenario s = twentyLabs();
        RunResult agent = new AgentEngine(CATALOG).run(s, new AgentOptions(20_000, 2, null, null));
        RunResult aggregate = new AggregateEngine(CATALOG).run(s);
        int last = s.months() - 1;
        double agentUsers = 0;
        double aggregateUsers = 0;
        for (var l : s.labs()) {
            agentUsers += agent.series(l.id(), "users").at(last);
            aggregateUsers += aggregate.series(l.id(), "users").at(last);
        }
        assertThat(agentUsers).isCloseTo(aggregateUsers, within(0.05 * aggregateUsers));
        assertThat(agent.market().consumerSurplusUsd()).isCloseTo(aggregate.market().consumerSurplusUsd(),
            within(0.05 * aggregate.market().consumerSurplusUsd()));
    }
}
