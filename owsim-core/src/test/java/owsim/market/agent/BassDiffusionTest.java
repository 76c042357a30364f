package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.market.network.Network;
import owsim.market.network.Networks;
import owsim.progress.ProgressListener;

class BassDiffusionTest {
    private static final double MONTH_YEARS = 1.0 / 12;

    @Test
    void closedFormFlowComposesAndStartsAtZero() {
        BassCurve c = new BassCurve(0.03, 0.38);
        assertThat(c.share(0)).isZero();
        for (double t = 0; t < 20; t += 0.7) {
            assertThat(c.advance(c.share(t), 0.25)).isCloseTo(c.share(t + 0.25), within(1e-12));
        }
        assertThat(c.advance(c.advance(0.2, 0.3), 0.4)).isCloseTo(c.advance(0.2, 0.7), within(1e-12));
        // p = 0 is a logistic from x; nobody adopts from x = 0.
        BassCurve logistic = new BassCurve(0, 1);
        assertThat(logistic.stepProbability(0, 1)).isZero();
        assertThat(logistic.advance(0.5, Math.log(3))).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void naiveMonthlyHazardDriftsOffTheCurveButTheExactStepDoesNot() {
        BassCurve c = new BassCurve(0.03, 0.38);
        double naive = 0;
        double exact = 0;
        double worstNaive = 0;
        for (int m = 1; m <= 240; m++) {
            naive += (1 - naive) * c.networkStepProbability(naive, MONTH_YEARS);
            exact = c.advance(exact, MONTH_YEARS);
            worstNaive = Math.max(worstNaive, Math.abs(naive - c.share(m * MONTH_YEARS)));
            assertThat(exact).isCloseTo(c.share(m * MONTH_YEARS), within(1e-12));
        }
        assertThat(worstNaive).isGreaterThan(0.005); // why the exact transition is needed
    }

    @Test
    void millionFullyMixedUsersFollowTheClosedFormSlowPair() {
        assertFollowsCurve(new BassCurve(0.03, 0.38), 60);
    }

    @Test
    void millionFullyMixedUsersFollowTheClosedFormFastPair() {
        // p = 0.01, q = 0.5 per month, in per-year units.
        assertFollowsCurve(new BassCurve(0.12, 6.0), 60);
    }

    private static void assertFollowsCurve(BassCurve curve, int months) {
        int users = 1_000_000;
        try (BlockExecutor ex = BlockExecutor.allCores()) {
            Population pop = TestPopulations.generate(users, 5, 42, ex);
            BassDiffusion bass = new BassDiffusion(pop, Network.fullyMixed(users), curve, MONTH_YEARS, 42, ex);
            double[] shares = bass.run(months, ProgressListener.NONE);
            for (int m = 0; m < months; m++) {
                double expected = curve.share((m + 1) * MONTH_YEARS);
                // Stated tolerance: 0.5 percentage points at every month (binomial noise at 1M users
                // is about 0.05 points per month).
                assertThat(shares[m]).as("month %d", m + 1).isCloseTo(expected, within(0.005));
            }
        }
    }

    @Test
    void latticeWordOfMouthIsSlowerThanFullMixing() {
        // Documented, not forced: on a ring lattice imitation only crosses the frontier of local
        // clusters, so the curve lags the fully mixed one.
        int users = 100_000;
        BassCurve curve = new BassCurve(0.03, 0.38);
        try (BlockExecutor ex = BlockExecutor.allCores()) {
            double mixed = run(users, Network.fullyMixed(users), curve, ex);
            double lattice = run(users, Networks.wattsStrogatz(users, 10, 0.0, 1), curve, ex);
            assertThat(lattice).isLessThan(mixed);
        }
    }

    private static double run(int users, Network net, BassCurve curve, BlockExecutor ex) {
        Population pop = TestPopulations.generate(users, 1, 3, ex);
        double[] s = new BassDiffusion(pop, net, curve, MONTH_YEARS, 3, ex).run(96, ProgressListener.NONE);
        return s[95];
    }

    @Test
    void resultIsBitIdenticalForOneTwoAndFourThreads() {
        int users = 150_000;
        byte[][] results = new byte[3][];
        int[] threads = {1, 2, 4};
        Network net = Networks.erdosRenyi(users, 8, 5);
        for (int t = 0; t < threads.length; t++) {
            try (BlockExecutor ex = new BlockExecutor(threads[t])) {
                Population pop = TestPopulations.generate(users, 5, 9, ex);
                new BassDiffusion(pop, net, new BassCurve(0.03, 0.38), MONTH_YEARS, 9, ex).run(24, ProgressListener.NONE);
                results[t] = pop.adopted.clone();
            }
        }
        assertThat(results[1]).isEqualTo(results[0]);
        assertThat(results[2]).isEqualTo(results[0]);
    }
}
