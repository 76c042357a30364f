package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code researchCompute}: with the training budget on, a lab pays the whole R&amp;D compute
 * around its runs (1 / finalRunShareOfRdCompute of the final runs), not the runs alone. Off, the run is
 * the one before the mechanism existed, bit for bit; on, each month's training is the final run's cost
 * over the share, and the budget buys the same runs where the plan binds.
 */
class ResearchComputeTest {
    private static final Scenario ON = Fixtures.FOUR_LABS;
    private static final Scenario OFF = ON.with(MechanismSwitch.RESEARCH_COMPUTE, false);
    /**
     * The default world's 60 months as made by the code before the mechanism existed (main at add4539 first:
     * `owsim run`'s timeseries.csv and summary.json were byte for byte those of this code with the switch off).
     * Re-pinned when apiPricing was merged, against main with it (the same byte-for-byte check of the run files).
     * Re-pinned when apiPricing's keepMatching was added (the default world's open labs keep matching a rival they
     * followed): with keepMatching false the off-run is the one pinned before it, {@link #BEFORE_KEEP_MATCHING}.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_RESEARCH_COMPUTE = "6fd4f6282a57f03690e1a395ce794cf3b25ca6e36e33d950695d1e238a10869f";
    /**
     * Re-pinned when enterprise was added (the default world's major players have an enterprise block): {@link #BEFORE_RESEARCH_COMPUTE} is the
     * run above with it; with enterprise off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_RESEARCH_COMPUTE_WITHOUT_ENTERPRISE = "3bd08dbf5148278c6bdbd4272196097f6d7d2298edcfd777d4fab32dce93e195";
    /**
     * Re-pinned when proPlans was added (the default world's frontier lab offers a $200 plan): {@link #BEFORE_RESEARCH_COMPUTE} is the
     * run above with it; with proPlans off too, the run is the one pinned before, this, bit for bit.
     * Re-pinned when the known-labs sum's rounding moved (labs offering a class nothing merged, one division per group
     * of a lab's holders, a table logarithm): every value within 1e-13 relative of the digest before.
     */
    private static final String BEFORE_RESEARCH_COMPUTE_WITHOUT_PRO_PLANS = "392a2f6c6dde6e1fccb549bf7deb9d467dbaffd426422e48b5fd66f959551413";
    /** The off-run as pinned before keepMatching (main at 2861665: its owsim run files with the switch off equal this code's with keepMatching false too), without pro plans (proPlans came later). */
    private static final String BEFORE_KEEP_MATCHING = "32f06196a0297a5bc9087d08540feb03474964d682c9456436b0dfb4d455a1b4";

    @Test void offIsTheRunBeforeItBitForBit() {
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF))).isEqualTo(BEFORE_RESEARCH_COMPUTE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_RESEARCH_COMPUTE_WITHOUT_ENTERPRISE);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.with(MechanismSwitch.PRO_PLANS, false).with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_RESEARCH_COMPUTE_WITHOUT_PRO_PLANS);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(OFF.withApiPricing(OFF.apiPricing().withKeepMatching(false)).with(MechanismSwitch.PRO_PLANS, false).with(MechanismSwitch.ENTERPRISE, false)))).isEqualTo(BEFORE_KEEP_MATCHING);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(ON))).isNotEqualTo(BEFORE_RESEARCH_COMPUTE);
        // Without the training budget the labs pay their final runs only, switch or not.
        Scenario noBudget = ON.with(MechanismSwitch.TRAINING_BUDGET, false);
        Scenario noBudgetOff = noBudget.with(MechanismSwitch.RESEARCH_COMPUTE, false);
        assertThat(RunDigest.of(Fixtures.ENGINE.run(noBudget))).isEqualTo(RunDigest.of(Fixtures.ENGINE.run(noBudgetOff)));
    }

    @Test void trainingIsTheFinalRunsOverTheirShareOfRdCompute() {
        RunResult on = Fixtures.ENGINE.run(ON);
        RunResult off = Fixtures.ENGINE.run(OFF);
        double share = ON.trainingBudget().finalRunShareOfRdCompute();
        for (var l : ON.labs()) {
            double[] a = on.series(l.id(), MetricNames.TRAINING_SPEND_USD).values();
            double[] b = off.series(l.id(), MetricNames.TRAINING_SPEND_USD).values();
            // Month 0, before any decision: the same run, its R&D compute 1 / share of it (financing may cut both alike).
            assertThat(a[0]).as(l.id()).isCloseTo(b[0] / share, within(b[0] * 1e-12 / share + 1e-6));
        }
        // Over the run the frontier lab pays several times the final runs alone (its budget binds or its cash does).
        double paidOn = sum(on.series("frontier-closed", MetricNames.TRAINING_SPEND_USD).values());
        double paidOff = sum(off.series("frontier-closed", MetricNames.TRAINING_SPEND_USD).values());
        assertThat(paidOn / paidOff).isGreaterThan(2);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }
}
