package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.market.network.Network;

/**
 * Docking: fully mixed, the agent month must agree with the expected-value recursion an aggregate
 * engine would run on the same coefficients. Awareness of each lab is then independent across labs
 * within a segment (same hazard for all, independent draws), so the share of each awareness pattern
 * is a product, and option shares follow u' = (1 - r) u + r sum_pattern P(pattern) P(option | pattern).
 */
class MonthStepDockingTest {
    private static final double MONTH_YEARS = 1.0 / 12;

    @Test
    void fullyMixedAgentsTrackTheExpectedValueRecursion() {
        int users = 500_000;
        int segments = 2;
        int labs = 3;
        int[] optionLab = {0, 0, 1, 2};
        int options = optionLab.length;
        double[] p = {0.6, 0.2, 0.1, /* developers */ 1.2, 0.4, 0.8};
        double[] q = {3.0, 2.0, 4.0, 1.0, 5.0, 2.0};
        double[] reconsider = {0.2, 0.35};
        double[] utility = {0.5, -0.3, 0.0, 1.0, -1.0, 0.7, 0.2, 0.4};
        MonthCoefficients c = new MonthCoefficients(segments, labs, MONTH_YEARS, p, q, reconsider, optionLab, utility);
        try (BlockExecutor ex = BlockExecutor.allCores()) {
            Population pop = TestPopulations.generate(users, labs, 12, ex);
            double[] n = new double[segments];
            for (int i = 0; i < users; i++) n[pop.segment(i)]++;
            MonthStep step = new MonthStep(pop, Network.fullyMixed(users), ex, 12);
            double[][] aware = new double[segments][labs];
            double[][] share = new double[segments][options];
            for (int m = 0; m < 36; m++) {
                // Expected-value month, in the agent step's order: awareness, then choice.
                for (int s = 0; s < segments; s++) {
                    double[] x = new double[labs]; // share of the segment using each lab
                    for (int o = 0; o < options; o++) x[optionLab[o]] += share[s][o];
                    for (int l = 0; l < labs; l++) {
                        double h = -Math.expm1(-(p[s * labs + l] + q[s * labs + l] * x[l]) * MONTH_YEARS);
                        aware[s][l] += (1 - aware[s][l]) * h;
                    }
                    double[] chosen = new double[options];
                    for (int mask = 1; mask < 1 << labs; mask++) {
                        double pattern = 1;
                        for (int l = 0; l < labs; l++) pattern *= (mask >>> l & 1) != 0 ? aware[s][l] : 1 - aware[s][l];
                        for (int o = 0; o < options; o++) chosen[o] += pattern * c.choiceProbability(s, mask, o);
                    }
                    for (int o = 0; o < options; o++) share[s][o] = (1 - reconsider[s]) * share[s][o] + reconsider[s] * chosen[o];
                }
                MonthTally t = step.step(m, c);
                for (int l = 0; l < labs; l++) {
                    double expected = (n[0] * aware[0][l] + n[1] * aware[1][l]) / users;
                    // sd of a share at 500k users <= 0.0007; 0.004 is about 6 sd.
                    assertThat(t.awareByLab()[l] / (double) users).as("month %d aware of lab %d", m + 1, l)
                        .isCloseTo(expected, within(0.004));
                }
                for (int o = 0; o < options; o++) {
                    double expected = (n[0] * share[0][o] + n[1] * share[1][o]) / users;
                    assertThat(t.usersByOption()[o] / (double) users).as("month %d option %d", m + 1, o)
                        .isCloseTo(expected, within(0.004));
                    for (int s = 0; s < segments; s++) {
                        // Per segment: the smaller segment has ~100k users, sd <= 0.0016; 0.008 is 5 sd.
                        assertThat(t.usersBySegmentOption()[s * options + o] / n[s]).as("month %d segment %d option %d", m + 1, s, o)
                            .isCloseTo(share[s][o], within(0.008));
                    }
                }
            }
        }
    }
}
