package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Claim k's hiring rule: researchers choose while scarce, labs fill their openings when not. */
class HiringTest {
    private static final double NO_LIMIT = Double.POSITIVE_INFINITY;

    @Test void scarceResearchersSplitByWeightExactlyAsWithoutOpenings() {
        double[] w = {3, 1, 0.5};
        double[] hires = Hiring.allocate(90, w, new double[] {1000, 1000, 1000});
        // The same arithmetic as the unlimited market, so worlds whose openings never bind are unchanged to the bit.
        for (int i = 0; i < w.length; i++) assertThat(hires[i]).isEqualTo(90 * w[i] / 4.5);
    }

    @Test void aLabAtItsOpeningsPassesTheRestToTheOthersByWeight() {
        double[] hires = Hiring.allocate(100, new double[] {3, 1, 1}, new double[] {20, NO_LIMIT, NO_LIMIT});
        assertThat(hires).containsExactly(new double[] {20, 40, 40}, within(1e-12));
    }

    @Test void whenThePoolCoversEveryOpeningWeightsNoLongerMatter() {
        double[] openings = {10, 20, 30};
        assertThat(Hiring.allocate(1000, new double[] {100, 1, 0.01}, openings)).containsExactly(openings, within(1e-12));
        assertThat(Hiring.allocate(1000, new double[] {0.01, 1, 100}, openings)).containsExactly(openings, within(1e-12));
    }

    @Test void hiresNeverExceedThePoolOrTheOpenings() {
        java.util.Random rnd = new java.util.Random(7);
        for (int k = 0; k < 1000; k++) {
            int n = 1 + rnd.nextInt(6);
            double[] w = new double[n];
            double[] o = new double[n];
            double openings = 0;
            for (int i = 0; i < n; i++) {
                w[i] = Math.exp(rnd.nextGaussian() * 3);
                o[i] = rnd.nextDouble() * 100;
                openings += o[i];
            }
            double pool = rnd.nextDouble() * 300;
            double[] h = Hiring.allocate(pool, w, o);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                assertThat(h[i]).isBetween(0.0, o[i] * (1 + 1e-12));
                sum += h[i];
            }
            assertThat(sum).isCloseTo(Math.min(pool, openings), within(1e-9 * (1 + pool)));
        }
    }
}
