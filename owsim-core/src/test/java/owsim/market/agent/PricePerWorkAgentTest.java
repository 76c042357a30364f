package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code pricePerWork} in the agent engine, whose users draw by the same option weights:
 * switched off, or with usage not growing, the agent run is the one before, bit for bit; on, the grown
 * developers weigh the API bill less, and more of them use the frontier lab's API than without it.
 */
class PricePerWorkAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final String SEGMENT = "developers";
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);

    private static Scenario with(Scenario s, Map<String, Object> fields) {
        return s.withSegments(s.segments().stream().map(g -> g.id().equals(SEGMENT) ? TestScenarios.with(g, fields) : g).toList());
    }

    @Test void offIsTheAgentRunBeforeAndOnMovesIt() {
        Scenario base = TestScenarios.FOUR_LABS.withMonths(7);
        Scenario grown = with(base, Map.of("usageGrowthPerYear", 16.0));
        Scenario on = with(base, Map.of("usageGrowthPerYear", 16.0, "priceWeightUsageElasticity", 1.0));
        String grownOnly = RunDigest.of(new AgentEngine(CATALOG).run(grown, OPTIONS));
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on.with(MechanismSwitch.PRICE_PER_WORK, false), OPTIONS))).isEqualTo(grownOnly);
        String before = RunDigest.of(new AgentEngine(CATALOG).run(base, OPTIONS));
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on.with(MechanismSwitch.USAGE_GROWTH, false), OPTIONS))).isEqualTo(before);
        RunResult moved = new AgentEngine(CATALOG).run(on, OPTIONS);
        assertThat(RunDigest.of(moved)).isNotEqualTo(grownOnly);
        double apiOn = users(moved, 6);
        double apiOff = users(new AgentEngine(CATALOG).run(grown, OPTIONS), 6);
        assertThat(apiOn).as("the frontier lab's API users in month 6, the grown bill weighed per unit of work").isGreaterThan(apiOff);
    }

    private static double users(RunResult r, int month) {
        return r.series("frontier-closed", "users.api").values()[month];
    }
}
