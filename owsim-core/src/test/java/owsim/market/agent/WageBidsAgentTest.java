package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import owsim.scenario.Scenario;
import owsim.scenario.WageBidsSpec;

/**
 * Mechanism {@code wageBids} in the agent engine, which applies the same wage step and hiring after its users: with the
 * section left out or the switch off the agent run is the one before the mechanism, bit for bit; a shortage raises every
 * lab's offer by the step at the first decision; a fixed schedule is followed; the higher offer wins researchers by the
 * weight the aggregate's hand calculation gives.
 */
class WageBidsAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);
    /** The default world's first 12 months in the agent engine (50,000 users, seed 1's draws), as made by the code before the mechanism (main at 4373cee). */
    private static final String BEFORE_WAGE_BIDS = "de4c8586ea243869039dc88b0592cc06ba48ea0cfaa710bdc7402050f6f6c4f0";
    private static final WageBidsSpec RULE = new WageBidsSpec(0.9, 1.1, 3.0, 1.0, 0.5, Map.of());
    private static final Scenario OFF = owsim.scenario.TestWorlds.fourLabs().withMonths(12);

    private static RunResult run(Scenario s) { return new AgentEngine(CATALOG).run(s, OPTIONS); }

    @Test void offIsTheAgentRunBeforeItBitForBit() {
        assertThat(OFF.wageBids()).isNull();
        assertThat(RunDigest.of(run(OFF))).isEqualTo(BEFORE_WAGE_BIDS);
        assertThat(RunDigest.of(run(OFF.withWageBids(RULE).with(MechanismSwitch.WAGE_BIDS, false)))).isEqualTo(BEFORE_WAGE_BIDS);
        Map<String, List<Double>> base = new LinkedHashMap<>();
        for (LabSpec l : OFF.labs()) base.put(l.id(), List.of(1.0));
        assertThat(RunDigest.of(run(OFF.withWageBids(RULE.withFixedSchedules(base))))).isEqualTo(BEFORE_WAGE_BIDS);
    }

    /**
     * 150 entrants a month against 1,000 openings: every lab on the rule offers its researcherUsdPerYear until month 3 and
     * 1.1x from then to month 5, and pays it to all its researchers; the open challenger on a schedule offers 2x, then 0.5x.
     */
    @Test void aShortageRaisesTheOfferAndAScheduleIsFollowed() {
        Scenario sc = OFF.withMonths(6).withWageBids(RULE.withFixedSchedules(Map.of("open-challenger", List.of(2.0, 0.5))));
        RunResult r = run(sc);
        for (LabSpec l : sc.labs()) {
            double[] pay = r.series(l.id(), MetricNames.RESEARCHER_PAY_USD_PER_YEAR).values();
            double[] researchers = r.series(l.id(), MetricNames.RESEARCHERS).values();
            double[] salaries = r.series(l.id(), MetricNames.SALARIES_USD).values();
            boolean scheduled = l.id().equals("open-challenger");
            for (int m = 0; m < 6; m++) {
                double factor = scheduled ? (m < 3 ? 2.0 : 0.5) : (m < 3 ? 1.0 : 1.1);
                assertThat(pay[m]).as("%s month %d", l.id(), m).isEqualTo(l.researcherUsdPerYear() * factor);
                assertThat(salaries[m]).as("%s month %d", l.id(), m).isEqualTo(researchers[m] * pay[m] / 12);
            }
        }
    }

    /** The open challenger offering 3x its pay from month 0: its month-0 hires over the frontier lab's triple (3^omega_w, omega_w = 1), as in the aggregate. */
    @Test void theHigherOfferWinsResearchersFromARival() {
        Map<String, List<Double>> same = new LinkedHashMap<>();
        for (LabSpec l : OFF.labs()) same.put(l.id(), List.of(1.0));
        Map<String, List<Double>> higher = new LinkedHashMap<>(same);
        higher.put("open-challenger", List.of(3.0));
        RunResult before = run(OFF.withWageBids(RULE.withFixedSchedules(same)));
        RunResult after = run(OFF.withWageBids(RULE.withFixedSchedules(higher)));
        double ratio = hires0(after, "open-challenger") / hires0(after, "frontier-closed")
            / (hires0(before, "open-challenger") / hires0(before, "frontier-closed"));
        assertThat(ratio).isCloseTo(Math.pow(3, OFF.market().payWeight()), within(1e-9));
        assertThat(after.series("open-challenger", MetricNames.RESEARCHERS).values()[11])
            .isGreaterThan(before.series("open-challenger", MetricNames.RESEARCHERS).values()[11] * 1.2);
        assertThat(after.series("frontier-closed", MetricNames.RESEARCHERS).values()[11])
            .isLessThan(before.series("frontier-closed", MetricNames.RESEARCHERS).values()[11]);
    }

    private static double hires0(RunResult r, String lab) {
        double start = OFF.labs().get(OFF.labIndex(lab)).researchers();
        return r.series(lab, MetricNames.RESEARCHERS).values()[0] - (start - start * OFF.market().researcherAttritionPerYear() / 12);
    }
}
