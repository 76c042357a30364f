package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.MultiHomingSpec;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code placedAssistants} in the agent engine, which books the incidental users from its
 * month's segment totals after its users: switched off, or with a share of 0, the agent run is the
 * one with the multi-homing block alone, bit for bit; on, the users are the ones without it, the run
 * is the same on any thread count, and the placed users are the aggregate engine's within the error
 * of the agents' awareness and choices.
 */
class PlacedAssistantsAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final String LAB = "frontier-closed";
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);

    private static Scenario withPlaced(Scenario s, double share) {
        MultiHomingSpec m = new MultiHomingSpec(0.35, 0.25, false, Map.of(LAB, share), 0.1);
        return s.withSegments(s.segments().stream()
            .map(g -> g.id().equals("consumers") ? TestScenarios.with(g, Collections.singletonMap("multiHoming", m)) : g).toList());
    }

    @Test void offIsTheAgentRunWithoutShares() {
        Scenario base = TestScenarios.FOUR_LABS.withMonths(3);
        String before = RunDigest.of(new AgentEngine(CATALOG).run(withPlaced(base, 0), OPTIONS));
        Scenario on = withPlaced(base, 0.3);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on.with(MechanismSwitch.PLACED_ASSISTANTS, false), OPTIONS))).isEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on, OPTIONS))).isNotEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on, new AgentOptions(50_000, 1, null, null))))
            .isEqualTo(RunDigest.of(new AgentEngine(CATALOG).run(on, new AgentOptions(50_000, 3, null, null))));
    }

    @Test void placedUsersAreTheAggregatesWithinSamplingError() {
        Scenario on = withPlaced(TestScenarios.FOUR_LABS.withMonths(1), 0.3);
        RunResult agent = new AgentEngine(CATALOG).run(on, new AgentOptions(200_000, 2, null, null));
        RunResult off = new AgentEngine(CATALOG).run(on.with(MechanismSwitch.PLACED_ASSISTANTS, false), new AgentOptions(200_000, 2, null, null));
        RunResult aggregate = new AggregateEngine(CATALOG).run(on);
        double expected = aggregate.series(LAB, MetricNames.PLACED_USERS).values()[0];
        assertThat(expected).isPositive();
        assertThat(agent.series(LAB, MetricNames.PLACED_USERS).values()[0]).isCloseTo(expected, within(0.15 * expected));
        assertThat(agent.series(LAB, MetricNames.USERS).values()[0]).isEqualTo(off.series(LAB, MetricNames.USERS).values()[0]);
    }
}
