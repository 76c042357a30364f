package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.scenario.EnterpriseSpec;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.SegmentSpec;

/**
 * Mechanism {@code enterprise} in the agent engine, which reads the same offers and option utilities
 * as the aggregate: with the switch off, or no segment carrying a block, the agent run is the one
 * before, bit for bit; a procurement lag keeps the segment's users off each lab until the lab's last
 * release before the run has passed it, and the biggest lab is taken up in exactly that month; the
 * lab-API premium moves the segment's users to the labs' APIs.
 */
class EnterpriseAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final String SEGMENT = "major-players";
    private static final int LAG = 5;
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);

    /** The scenario with the major players' block replaced (null: none). */
    private static Scenario withBlock(Scenario s, EnterpriseSpec e) {
        return s.withSegments(s.segments().stream()
            .map(g -> g.id().equals(SEGMENT) ? TestScenarios.with(g, Collections.singletonMap("enterprise", e)) : g).toList());
    }

    @Test void offIsTheAgentRunWithoutABlock() {
        Scenario on = TestScenarios.FOUR_LABS.withMonths(6);
        Scenario off = on.with(MechanismSwitch.ENTERPRISE, false);
        Scenario none = withBlock(on, null);
        assertThat(none.segments().stream().allMatch(g -> g.enterprise() == null)).isTrue();
        RunResult a = new AgentEngine(CATALOG).run(off, OPTIONS);
        RunResult b = new AgentEngine(CATALOG).run(none, OPTIONS);
        assertThat(RunDigest.of(a)).isEqualTo(RunDigest.of(b));
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on, OPTIONS))).isNotEqualTo(RunDigest.of(a));
    }

    /**
     * Each lab's last release before the run (month firstReleaseMonth - releaseEveryMonths) passes the
     * lag at month max(0, that + lag): before it the segment has no user of the lab through any option;
     * the frontier lab, which most of the segment takes, has users from exactly that month; without the
     * switch it has them from month 0.
     */
    @Test void theLagKeepsTheSegmentOffEachLabUntilItsReleasePasses() {
        SegmentSpec seg = TestScenarios.FOUR_LABS.segments().get(TestScenarios.FOUR_LABS.segmentIndex(SEGMENT));
        Scenario lagged = withBlock(TestScenarios.FOUR_LABS, new EnterpriseSpec(LAG, seg.enterprise().labApiPremiumUtils())).withMonths(8);
        RunResult on = new AgentEngine(CATALOG).run(lagged, OPTIONS);
        RunResult off = new AgentEngine(CATALOG).run(lagged.with(MechanismSwitch.ENTERPRISE, false), OPTIONS);
        int checked = 0;
        for (LabSpec l : lagged.labs()) {
            int passes = Math.max(0, l.firstReleaseMonth() - l.releaseEveryMonths() + LAG);
            double[] users = labUsers(on, l.id());
            for (int m = 0; m < passes; m++) assertThat(users[m]).as("%s's users in month %d, before its release passes", l.id(), m).isZero();
            if (passes > 0) checked++;
        }
        assertThat(checked).as("labs whose release passes in the run").isGreaterThanOrEqualTo(2);
        LabSpec frontier = lagged.labs().get(lagged.labIndex("frontier-closed"));
        int passes = frontier.firstReleaseMonth() - frontier.releaseEveryMonths() + LAG;
        assertThat(passes).isPositive();
        assertThat(labUsers(on, frontier.id())[passes]).as("the frontier lab's users in the month its release passes").isPositive();
        assertThat(labUsers(off, frontier.id())[0]).as("without the switch, in month 0").isPositive();
    }

    /** The premium (lag 0): more of the segment's users on the labs' APIs, in the first month and the last. */
    @Test void thePremiumMovesTheSegmentToLabApis() {
        SegmentSpec seg = TestScenarios.FOUR_LABS.segments().get(TestScenarios.FOUR_LABS.segmentIndex(SEGMENT));
        double premium = seg.enterprise().labApiPremiumUtils();
        assertThat(premium).isPositive();
        Scenario with = withBlock(TestScenarios.FOUR_LABS, new EnterpriseSpec(0, premium)).withMonths(6);
        Scenario without = withBlock(TestScenarios.FOUR_LABS, new EnterpriseSpec(0, 0)).withMonths(6);
        double[] a = apiUsers(new AgentEngine(CATALOG).run(with, OPTIONS), with);
        double[] b = apiUsers(new AgentEngine(CATALOG).run(without, OPTIONS), with);
        assertThat(a[0]).as("API users, month 1").isGreaterThan(b[0]);
        assertThat(a[5]).as("API users, month 6").isGreaterThan(b[5]);
    }

    private static double[] labUsers(RunResult r, String lab) {
        double[] sum = new double[r.series(SEGMENT, MetricNames.TOKENS).values().length];
        for (OptionKind k : OptionKind.values()) {
            var s = r.series(SEGMENT, MetricNames.users(lab, k));
            if (s == null) continue;
            for (int m = 0; m < sum.length; m++) sum[m] += s.values()[m];
        }
        return sum;
    }

    private static double[] apiUsers(RunResult r, Scenario s) {
        double[] sum = new double[r.series(SEGMENT, MetricNames.TOKENS).values().length];
        for (LabSpec l : s.labs()) {
            var x = r.series(SEGMENT, MetricNames.users(l.id(), OptionKind.API));
            if (x == null) continue;
            for (int m = 0; m < sum.length; m++) sum[m] += x.values()[m];
        }
        return sum;
    }
}
