package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.scenario.FinancingSpec;
import owsim.scenario.ScaleRoundsSpec;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.TrainingBudgetSpec;

/**
 * Investors who fund on scale ({@code financing.scaleRounds}) and a training budget that keeps pace
 * while so funded ({@code trainingBudget.keepPaceWhileFunded}), in the eight-lab landscape, where
 * investors' traction test is set out of reach (revenue or users 100x a year), so that the traction
 * rule alone funds no round whatever the landscape's demand does: absent, or present and never
 * met, the run is the one without them, bit for bit; present, the frontier lab raises rounds of the
 * share of its valuation a hand calculation gives, a year apart at least; keeping pace, it plans
 * faster run growth.
 */
class ScaleRoundsTest {
    static final Scenario LANDSCAPE = Scenarios.defaultScenario();
    static final ScaleRoundsSpec SCALE = new ScaleRoundsSpec(35, 0.08, 5e10, 1.0, 12);

    /**
     * The landscape with a weaker frontier brand (2.0 utils, about 1.3 below its refit with usage growth)
     * and usage per user fixed ({@code usageGrowth} off: growing usage raises the lab's revenue
     * in 2025, so its budget rule no longer slows it), where the lab's consumers fall away in 2025 and the
     * budget rule slows its run: the world in which keeping pace matters. (At 2.5, the brand before the
     * refit with usage growth, the landscape's cheaper serving keeps its run at 4x a year.)
     */
    static final Scenario WEAKER_FRONTIER = new owsim.scenario.ScenarioOverrides().apply(LANDSCAPE, "labs[frontier-closed].brandUtility", 2.0)
        .with(owsim.scenario.MechanismSwitch.USAGE_GROWTH, false);


    static Scenario with(ScaleRoundsSpec sr, boolean keepPace) {
        return with(LANDSCAPE, sr, keepPace);
    }

    static Scenario with(Scenario base, ScaleRoundsSpec sr, boolean keepPace) {
        FinancingSpec l = base.financing();
        FinancingSpec f = new FinancingSpec(l.roundRevenueMultiple(), 100, l.runwayTriggerMonths(), l.decisionEveryMonths(),
            l.exitAfterNegativeMonths(), l.parentFundingUsdPerYear(), sr);
        TrainingBudgetSpec t = base.trainingBudget();
        return base.withFinancing(f).withTrainingBudget(new TrainingBudgetSpec(t.rdComputeShareOfRevenue(), t.finalRunShareOfRdCompute(),
            t.expectedGrowthCapPerYear(), t.fixedSchedules(), keepPace));
    }

    static double[] v(RunResult r, String lab, String metric) {
        return r.series(lab, metric).values();
    }

    @Test void absentOrNeverMetIsTheRunWithoutBitForBit() {
        String without = RunDigest.of(Fixtures.ENGINE.run(with(null, false)));
        // No lab is worth 1e15 USD: the block is read and never funds.
        ScaleRoundsSpec never = new ScaleRoundsSpec(35, 0.08, 1e15, 1.0, 12);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(with(never, false)))).isEqualTo(without);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(with(never, true)))).isEqualTo(without);
        // Keeping pace without investors who fund on scale changes nothing.
        assertThat(RunDigest.of(Fixtures.ENGINE.run(with(null, true)))).isEqualTo(without);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(with(SCALE, false)))).isNotEqualTo(without);
    }

    @Test void theFrontierLabRaisesAShareOfItsValuationAYearApart() {
        RunResult without = Fixtures.ENGINE.run(with(null, false));
        double raisedWithout = 0;
        for (double x : v(without, "frontier-closed", MetricNames.RAISED_USD)) raisedWithout += x;
        assertThat(raisedWithout).as("the traction rule alone funds no round").isZero();

        RunResult r = Fixtures.ENGINE.run(with(SCALE, false));
        double[] raised = v(r, "frontier-closed", MetricNames.RAISED_USD);
        double[] revenue = v(r, "frontier-closed", MetricNames.REVENUE_USD);
        int rounds = 0;
        int last = -1000;
        for (int m = 0; m < raised.length; m++) {
            if (raised[m] == 0) continue;
            rounds++;
            assertThat(m - last).as("months between rounds").isGreaterThanOrEqualTo(SCALE.monthsBetweenRounds());
            last = m;
            // 0.08 of a valuation of 35 x 12 x the month's income (the revenue series counts harvest payments in).
            double hand = 0.08 * 35 * 12 * revenue[m];
            assertThat(raised[m]).as("round in " + r.monthLabel(m)).isCloseTo(hand, org.assertj.core.api.Assertions.within(hand * 1e-12));
        }
        assertThat(rounds).isBetween(2, 5);
    }

    @Test void aLabBelowTheValuationOrCapabilityBarRaisesNothingOnScale() {
        RunResult r = Fixtures.ENGINE.run(with(new ScaleRoundsSpec(35, 0.08, 5e10, 1.0, 12), false));
        double small = 0;
        for (double x : v(r, "small-open", MetricNames.RAISED_USD)) small += x;
        assertThat(small).as("a small open lab is worth less than $50B, and its growth fails the traction test").isZero();
        // A band of 0.01 log10 FLOP funds only a lab whose newest model is about the best: its first round comes
        // later (it may then be larger, the lab's revenue having grown: the total raised is not the test).
        RunResult tight = Fixtures.ENGINE.run(with(new ScaleRoundsSpec(35, 0.08, 5e10, 0.01, 12), false));
        int loose = firstRound(v(r, "frontier-closed", MetricNames.RAISED_USD));
        int strict = firstRound(v(tight, "frontier-closed", MetricNames.RAISED_USD));
        assertThat(loose).as("a band of 1 funds the frontier lab").isNotNegative();
        assertThat(strict).as("a band of 0.01 log10 FLOP funds it later than a band of 1").isGreaterThan(loose);
    }

    @Test void keepingPaceTheFundedLabPlansFasterRunGrowth() {
        RunResult rule = Fixtures.ENGINE.run(with(WEAKER_FRONTIER, SCALE, false));
        RunResult pace = Fixtures.ENGINE.run(with(WEAKER_FRONTIER, SCALE, true));
        double[] g0 = v(rule, "frontier-closed", MetricNames.COMPUTE_GROWTH_PER_YEAR);
        double[] g1 = v(pace, "frontier-closed", MetricNames.COMPUTE_GROWTH_PER_YEAR);
        double[] b0 = v(rule, "frontier-closed", MetricNames.TRAINING_BUDGET_USD);
        double[] b1 = v(pace, "frontier-closed", MetricNames.TRAINING_BUDGET_USD);
        // At the first decision (2025-04) it plans at least the rule's budget, and its ambition (4x a year) stays its growth through 2026.
        assertThat(b1[3]).isGreaterThanOrEqualTo(b0[3]);
        for (int m = 0; m < 24; m++) assertThat(g1[m]).as("growth in " + pace.monthLabel(m)).isEqualTo(4.0);
        double min0 = 4;
        for (int m = 0; m < 24; m++) min0 = Math.min(min0, g0[m]);
        assertThat(min0).as("the rule alone slows the run in 2025-2026").isLessThan(4.0);
        double raised0 = 0;
        double raised1 = 0;
        for (double x : v(rule, "frontier-closed", MetricNames.RAISED_USD)) raised0 += x;
        for (double x : v(pace, "frontier-closed", MetricNames.RAISED_USD)) raised1 += x;
        assertThat(raised1).as("pace is paid by more money raised").isGreaterThan(raised0);
    }

    static int firstRound(double[] raised) {
        for (int m = 0; m < raised.length; m++) if (raised[m] > 0) return m;
        return -1;
    }
}
