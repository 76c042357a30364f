package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.FinancingSpec;
import owsim.scenario.ScaleRoundsSpec;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * The agent engine with investors who fund on scale ({@code financing.scaleRounds}): absent, or
 * present and never met, the landscape's run is the one without them, bit for bit; present, the
 * frontier lab raises its first round within one quarterly decision of the aggregate engine's (ScaleRoundsTest). As
 * there, investors' traction test is set out of reach, so the traction rule alone funds no round.
 */
class ScaleRoundsAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(20_000, 2, null, null);
    /**
     * Usage per user fixed ({@code usageGrowth} off): the agents' usage growth differs from the aggregate
     * engine's by up to 15% (UsageGrowthAgentTest), which moves the month the frontier lab's revenue first
     * reaches the valuation bar by two decisions and more.
     */
    private static final Scenario LANDSCAPE = Scenarios.defaultScenario().withMonths(36)
        .with(owsim.scenario.MechanismSwitch.USAGE_GROWTH, false);

    private static Scenario with(ScaleRoundsSpec sr) {
        FinancingSpec l = LANDSCAPE.financing();
        return LANDSCAPE.withFinancing(new FinancingSpec(l.roundRevenueMultiple(), 100, l.runwayTriggerMonths(), l.decisionEveryMonths(),
            l.exitAfterNegativeMonths(), l.parentFundingUsdPerYear(), sr));
    }

    @Test void absentOrNeverMetIsTheRunWithoutAndPresentItFundsTheFrontierLab() {
        RunResult without = new AgentEngine(CATALOG).run(with(null), OPTIONS);
        RunResult never = new AgentEngine(CATALOG).run(with(new ScaleRoundsSpec(35, 0.08, 1e15, 1.0, 12)), OPTIONS);
        assertThat(RunDigest.of(never)).isEqualTo(RunDigest.of(without));
        RunResult on = new AgentEngine(CATALOG).run(with(new ScaleRoundsSpec(35, 0.08, 5e10, 1.0, 12)), OPTIONS);
        double[] raisedWithout = without.series("frontier-closed", "raisedUsd").values();
        double[] raised = on.series("frontier-closed", "raisedUsd").values();
        double[] revenue = on.series("frontier-closed", "revenueUsd").values();
        for (double x : raisedWithout) assertThat(x).isZero();
        int first = firstRound(raised);
        int aggregate = firstRound(new AggregateEngine(CATALOG).run(with(new ScaleRoundsSpec(35, 0.08, 5e10, 1.0, 12))).series("frontier-closed", "raisedUsd").values());
        assertThat(aggregate).as("the aggregate engine's first round on scale").isNotNegative();
        // Rounds are raised at quarterly decisions: within one decision (3 months) of the aggregate engine's.
        assertThat(first).as("first round on scale").isBetween(aggregate - 3, aggregate + 3);
        assertThat(raised[first]).isCloseTo(0.08 * 35 * 12 * revenue[first], org.assertj.core.api.Assertions.within(1e-3));
    }

    private static int firstRound(double[] raised) {
        for (int m = 0; m < raised.length; m++) if (raised[m] > 0) return m;
        return -1;
    }
}
