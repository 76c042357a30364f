package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import owsim.market.network.Network;
import owsim.market.network.Networks;

class MonthStepTest {
    private static final double MONTH_YEARS = 1.0 / 12;

    /** Two segments, three labs, four options (lab 0 has two). */
    private static MonthCoefficients coefficients(double p, double q, double reconsider) {
        double[] pp = new double[2 * 3];
        double[] qq = new double[2 * 3];
        Arrays.fill(pp, p);
        Arrays.fill(qq, q);
        int[] optionLab = {0, 0, 1, 2};
        double[] utility = {0.5, -0.3, 0.0, 1.0, /* developers */ -1.0, 0.7, 0.2, 0.4};
        return new MonthCoefficients(2, 3, MONTH_YEARS, pp, qq, new double[] {reconsider, reconsider}, optionLab, utility);
    }

    @Test
    void awarenessWithoutWordOfMouthFollowsTheExternalHazard() {
        int users = 300_000;
        try (BlockExecutor ex = BlockExecutor.allCores()) {
            Population pop = TestPopulations.generate(users, 3, 1, ex);
            MonthStep step = new MonthStep(pop, Network.fullyMixed(users), ex, 1);
            MonthCoefficients c = coefficients(0.6, 0.0, 0.1);
            for (int m = 0; m < 12; m++) {
                MonthTally t = step.step(m, c);
                double expected = -Math.expm1(-0.6 * (m + 1) * MONTH_YEARS);
                for (int l = 0; l < 3; l++) {
                    // sd of a share at 300k users < 0.001: 0.004 is 4+ sd.
                    assertThat(t.awareByLab()[l] / (double) users).isCloseTo(expected, within(0.004));
                }
            }
        }
    }

    @Test
    void choiceSharesMatchTheLogitWhenEveryoneKnowsEveryLab() {
        int users = 300_000;
        try (BlockExecutor ex = BlockExecutor.allCores()) {
            Population pop = TestPopulations.generate(users, 3, 2, ex);
            for (int i = 0; i < users; i++) for (int l = 0; l < 3; l++) pop.makeAware(i, l);
            MonthStep step = new MonthStep(pop, Network.fullyMixed(users), ex, 2);
            MonthCoefficients c = coefficients(0, 0, 1.0);
            MonthTally t = step.step(0, c);
            long[] bySegment = new long[2];
            for (int i = 0; i < users; i++) bySegment[pop.segment(i)]++;
            for (int o = 0; o < 4; o++) {
                double expected = 0;
                for (int s = 0; s < 2; s++) expected += bySegment[s] * c.choiceProbability(s, 0b111, o);
                assertThat((double) t.usersByOption()[o]).isCloseTo(expected, within(4 * Math.sqrt(expected)));
            }
            // Usage tally is exactly the sum of the chosen users' usage.
            double[] tokens = new double[4];
            for (int i = 0; i < users; i++) if (pop.option(i) >= 0) tokens[pop.option(i)] += pop.usageTokensPerMonth(i);
            for (int o = 0; o < 4; o++) {
                assertThat(t.tokensByOption()[o]).isCloseTo(tokens[o], within(1e-9 * tokens[o]));
            }
            assertThat(t.usersByLab()[0]).isEqualTo(t.usersByOption()[0] + t.usersByOption()[1]);
        }
    }

    @Test
    void choiceTableAndDirectSumPickTheSameOption() {
        MonthCoefficients c = coefficients(0, 0, 1);
        for (int s = 0; s < 2; s++) {
            for (int mask = 0; mask < 8; mask++) {
                for (int k = 0; k < 1000; k++) {
                    double u = (k + 0.5) / 1000;
                    int expected = mask == 0 ? Population.NO_OPTION : c.chooseBySum(s, mask, u);
                    assertThat(c.choose(s, mask, u)).as("segment %d mask %d u %f", s, mask, u).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void manyLabsUseTheDirectPathsAndStillFollowTheLogit() {
        // 12 labs: above the choice-table and awareness-histogram limits, so the direct code runs.
        int users = 200_000;
        int labs = 12;
        double[] p = new double[2 * labs];
        Arrays.fill(p, 0.6);
        int[] optionLab = new int[labs];
        double[] utility = new double[2 * labs];
        for (int l = 0; l < labs; l++) {
            optionLab[l] = l;
            utility[l] = 0.1 * l;
            utility[labs + l] = -0.05 * l;
        }
        MonthCoefficients c = new MonthCoefficients(2, labs, MONTH_YEARS, p, new double[2 * labs], new double[] {1, 1}, optionLab, utility);
        try (BlockExecutor ex = new BlockExecutor(2)) {
            Population pop = TestPopulations.generate(users, labs, 6, ex);
            MonthStep step = new MonthStep(pop, Network.fullyMixed(users), ex, 6);
            MonthTally t = null;
            for (int m = 0; m < 6; m++) t = step.step(m, c);
            double aware = -Math.expm1(-0.6 * 6 * MONTH_YEARS);
            for (int l = 0; l < labs; l++) assertThat(t.awareByLab()[l] / (double) users).isCloseTo(aware, within(0.005));
            // Everyone reconsidered in the last month: the expected users of each option follow
            // from each user's own awareness bits and the logit.
            double[] expected = new double[labs];
            for (int i = 0; i < users; i++) {
                int bits = 0;
                for (int l = 0; l < labs; l++) if (pop.isAware(i, l)) bits |= 1 << l;
                for (int o = 0; o < labs; o++) expected[o] += c.choiceProbability(pop.segment(i), bits, o);
            }
            for (int o = 0; o < labs; o++) {
                assertThat((double) t.usersByOption()[o]).isCloseTo(expected[o], within(5 * Math.sqrt(expected[o])));
            }
        }
    }

    @Test
    void usersWhoDoNotReconsiderKeepTheirOption() {
        int users = 50_000;
        try (BlockExecutor ex = new BlockExecutor(2)) {
            Population pop = TestPopulations.generate(users, 3, 3, ex);
            for (int i = 0; i < users; i++) {
                pop.makeAware(i, 2);
                pop.setOption(i, 3);
            }
            MonthTally t = new MonthStep(pop, Network.fullyMixed(users), ex, 3).step(0, coefficients(0.5, 0.5, 0.0));
            assertThat(t.usersByOption()[3]).isEqualTo(users);
        }
    }

    @Test
    void monthIsBitIdenticalForOneTwoAndFourThreadsMixedAndNetwork() {
        int users = 120_000;
        Network er = Networks.erdosRenyi(users, 6, 4);
        for (Network net : new Network[] {Network.fullyMixed(users), er}) {
            int[][] aware = new int[3][];
            short[][] options = new short[3][];
            double[][] tokens = new double[3][];
            int[] threads = {1, 2, 4};
            for (int t = 0; t < 3; t++) {
                try (BlockExecutor ex = new BlockExecutor(threads[t])) {
                    Population pop = TestPopulations.generate(users, 3, 4, ex);
                    MonthStep step = new MonthStep(pop, net, ex, 4);
                    MonthTally last = null;
                    for (int m = 0; m < 12; m++) last = step.step(m, coefficients(0.3, 2.0, 0.2));
                    aware[t] = pop.awareLabs.clone();
                    options[t] = pop.option.clone();
                    tokens[t] = last.tokensByOption();
                }
            }
            for (int t = 1; t < 3; t++) {
                assertThat(aware[t]).isEqualTo(aware[0]);
                assertThat(options[t]).isEqualTo(options[0]);
                assertThat(tokens[t]).isEqualTo(tokens[0]);
            }
        }
    }
}
