package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code usageGrowth} in the agent engine, whose users keep their month-0 usage draw times
 * their segment's factor: switched off the agent run is the one without a growth, bit for bit, on any
 * thread count the same; on, a lab's tokens grow as the aggregate engine's do, within the error of the
 * agents' draws and choices.
 */
class UsageGrowthAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final String SEGMENT = "developers";
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);

    private static Scenario grown(Scenario s, double growth) {
        return s.withSegments(s.segments().stream()
            .map(g -> g.id().equals(SEGMENT) ? TestScenarios.with(g, Collections.singletonMap("usageGrowthPerYear", growth)) : g).toList());
    }

    @Test void offIsTheAgentRunWithoutAGrowth() {
        Scenario base = TestScenarios.FOUR_LABS.withMonths(3);
        String before = RunDigest.of(new AgentEngine(CATALOG).run(base, OPTIONS));
        Scenario on = grown(base, 4.0);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on.with(MechanismSwitch.USAGE_GROWTH, false), OPTIONS))).isEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on, OPTIONS))).isNotEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on, new AgentOptions(50_000, 1, null, null))))
            .isEqualTo(RunDigest.of(new AgentEngine(CATALOG).run(on, new AgentOptions(50_000, 3, null, null))));
    }

    /** Month 6 of a 16-fold growth a year (4 times month 0's usage): each engine's growth of the API lab's tokens, within 15% of each other. */
    @Test void tokensGrowAsTheAggregates() {
        Scenario on = grown(TestScenarios.FOUR_LABS.withMonths(7), 16.0);
        Scenario off = on.with(MechanismSwitch.USAGE_GROWTH, false);
        AgentOptions big = new AgentOptions(200_000, 2, null, null);
        String lab = "frontier-closed";
        double agent = tokens(new AgentEngine(CATALOG).run(on, big), lab, 6) / tokens(new AgentEngine(CATALOG).run(off, big), lab, 6);
        double aggregate = tokens(new AggregateEngine(CATALOG).run(on), lab, 6) / tokens(new AggregateEngine(CATALOG).run(off), lab, 6);
        assertThat(aggregate).as("the aggregate engine's growth of the lab's tokens").isGreaterThan(1.2);
        assertThat(agent).isCloseTo(aggregate, within(0.15 * aggregate));
    }

    private static double tokens(RunResult r, String lab, int month) {
        return r.series(lab, MetricNames.TOKENS).values()[month];
    }
}
