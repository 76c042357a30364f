package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.scenario.FinancingSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * {@code financing.parentReservesRunningCosts}: absent or false, a parent pays the month's whole
 * shortfall as before, bit for bit; true, it pays its lab's uncovered running costs first and pays for
 * training only what its year's funding leaves after the rest of the run year's running costs.
 */
class ParentReservesTest {
    private static final Scenario ON = Fixtures.FOUR_LABS.withMechanisms(Fixtures.FOUR_LABS.mechanisms().with(MechanismSwitch.ADVERTISING, false)
        .with(MechanismSwitch.TRAINING_BUDGET, false).with(MechanismSwitch.API_PRICING, false));
    private static final double CAP = 2.0e9;

    private static Scenario capped(Boolean reserves) {
        FinancingSpec f = ON.financing();
        return ON.withFinancing(new FinancingSpec(f.roundRevenueMultiple(), f.tractionGrowthPerYear(), f.runwayTriggerMonths(), f.decisionEveryMonths(),
            f.exitAfterNegativeMonths(), Map.of("app-giant", CAP), f.scaleRounds(), reserves));
    }

    /** By hand: a gap of 10 a month in month 3 keeps 8 x 10 of the year's funding for the months to come. */
    @Test void whatTheParentPaysByHand() {
        assertThat(Financing.reservingRunningCosts(3, 100, 10, 0, 150)).isEqualTo(70.0); // 150 - 80 left for training, above the gap
        assertThat(Financing.reservingRunningCosts(3, 100, 10, 0, 50)).isEqualTo(10.0); // the reserve takes it all: the gap only
        assertThat(Financing.reservingRunningCosts(3, 100, 10, 4, 50)).isEqualTo(6.0); // cash covers part of the gap
        assertThat(Financing.reservingRunningCosts(11, 100, 10, 0, 50)).isEqualTo(50.0); // December: nothing to keep, at most what is left
        assertThat(Financing.reservingRunningCosts(3, 100, -5, 0, 50)).isEqualTo(50.0); // income covers the running costs: no reserve
        assertThat(Financing.reservingRunningCosts(0, 100, 10, 0, 5)).isEqualTo(5.0); // never beyond the year's funding
    }

    @Test void absentOrFalseIsTheRunBeforeAndTrueKeepsTheCap() {
        String before = RunDigest.of(Fixtures.ENGINE.run(capped(null)));
        assertThat(RunDigest.of(Fixtures.ENGINE.run(capped(false)))).isEqualTo(before);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(Fixtures.FOUR_LABS))).isEqualTo(RunDigest.of(Fixtures.ENGINE.run(
            Fixtures.FOUR_LABS.withFinancing(withReserves(Fixtures.FOUR_LABS.financing(), false)))));
        Scenario on = capped(true);
        World w = Fixtures.world(on);
        MarketState s = Runs.start(w);
        int giant = on.labIndex("app-giant");
        double paid = 0;
        double gapUnpaidWhileFunded = 0;
        for (int m = 0; m < on.months(); m++) {
            if (m % 12 == 0) paid = 0;
            double cashBefore = s.cash[giant];
            Runs.step(w, s, m, Fixtures.steps());
            paid += s.raised[giant];
            assertThat(paid).as("the parent's payments in the run year to month " + m).isLessThanOrEqualTo(CAP * (1 + 1e-12));
            double running = s.servingCost[giant] + s.salaries[giant] + s.marketing[giant] + s.harvestSpend[giant] + s.defence[giant];
            double gap = running - s.revenue[giant] - s.harvestRevenue[giant] - Math.max(0, cashBefore);
            if (gap > 0 && paid < CAP * (1 - 1e-9)) gapUnpaidWhileFunded = Math.max(gapUnpaidWhileFunded, gap - s.raised[giant]);
        }
        assertThat(gapUnpaidWhileFunded).as("running costs left unpaid while the parent had funds").isLessThanOrEqualTo(1e-6);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(on))).isNotEqualTo(before);
    }

    private static FinancingSpec withReserves(FinancingSpec f, Boolean reserves) {
        return new FinancingSpec(f.roundRevenueMultiple(), f.tractionGrowthPerYear(), f.runwayTriggerMonths(), f.decisionEveryMonths(),
            f.exitAfterNegativeMonths(), f.parentFundingUsdPerYear(), f.scaleRounds(), reserves);
    }

}
