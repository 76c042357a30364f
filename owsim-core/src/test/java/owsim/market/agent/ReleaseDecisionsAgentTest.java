package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.ReleaseDecisionsSpec;
import owsim.scenario.ReleaseDecisionsSpec.Menu;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code releaseDecisions} in the agent engine, which applies the same decision and releases before its users:
 * with the section left out, the switch off, every lab on a schedule of its own policy, the agent run is the one before
 * the mechanism, bit for bit; with the rule on, the run is the same bytes on one thread and on two; a fixed schedule is
 * followed.
 */
class ReleaseDecisionsAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    /** The four-lab world's first 12 months in the agent engine (50,000 users, seed 1's draws), as made before the decision mechanisms (WageBidsAgentTest's pin). */
    private static final String BEFORE = "de4c8586ea243869039dc88b0592cc06ba48ea0cfaa710bdc7402050f6f6c4f0";
    private static final Scenario OFF = owsim.scenario.TestWorlds.fourLabs().withMonths(12);
    /** A rule that always closes an open lab and never opens a closed one. */
    private static final ReleaseDecisionsSpec ALWAYS_CLOSE = new ReleaseDecisionsSpec(5, 0, 5, 1, 0, null,
        Map.of("open-challenger", new Menu("open", "closed"), "small-open", new Menu("open", "open-small(32B)")), Map.of());

    private static RunResult run(Scenario s, int threads) { return new AgentEngine(CATALOG).run(s, new AgentOptions(50_000, threads, null, null)); }

    @Test void offIsTheAgentRunBeforeItBitForBit() {
        assertThat(OFF.releaseDecisions()).isNull();
        assertThat(RunDigest.of(run(OFF, 2))).isEqualTo(BEFORE);
        assertThat(RunDigest.of(run(OFF.withReleaseDecisions(ALWAYS_CLOSE).with(MechanismSwitch.RELEASE_DECISIONS, false), 2))).isEqualTo(BEFORE);
        Map<String, List<String>> own = new LinkedHashMap<>();
        for (LabSpec l : OFF.labs()) own.put(l.id(), List.of(l.policy()));
        assertThat(RunDigest.of(run(OFF.withReleaseDecisions(ALWAYS_CLOSE.withFixedSchedules(own)), 2))).isEqualTo(BEFORE);
    }

    /** The rule on: the open challenger closes at month 3 and small-open keeps only small models open; one thread and two give the same bytes. */
    @Test void theRuleGivesTheSameBytesOnOneAndTwoThreads() {
        Scenario on = OFF.withReleaseDecisions(ALWAYS_CLOSE);
        RunResult two = run(on, 2);
        String digest = RunDigest.of(two);
        assertThat(digest).isNotEqualTo(BEFORE);
        assertThat(RunDigest.of(run(on, 1))).isEqualTo(digest);
        double[] challenger = two.series("open-challenger", MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS).values();
        for (int m = 0; m < 12; m++) assertThat(challenger[m]).as("month %d", m).isEqualTo(m < 3 ? 0 : -1);
    }

    /** frontier-closed on the schedule [closed, open]: from month 3 its models open on release, and its older ones with them. */
    @Test void aScheduleIsFollowed() {
        RunResult r = run(OFF.withReleaseDecisions(ALWAYS_CLOSE.withLabs(Map.of()).withFixedSchedules(Map.of("frontier-closed", List.of("closed", "open")))), 2);
        double[] policy = r.series("frontier-closed", MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS).values();
        double[] open = r.series("frontier-closed", MetricNames.OPEN_WEIGHTS).values();
        for (int m = 0; m < 12; m++) {
            assertThat(policy[m]).as("month %d", m).isEqualTo(m < 3 ? -1 : 0);
            assertThat(open[m]).as("frontier open, month %d", m).isEqualTo(m < 3 ? 0 : 1);
        }
    }
}
