package owsim.experiment.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SobolSequenceTest {
    /**
     * Points of the unscrambled Joe-Kuo (new-joe-kuo-6.21201) sequence in 40 dimensions, times 1024,
     * as computed by an independent implementation (SciPy 1.17 stats.qmc.Sobol, scramble=False,
     * which uses the same published direction numbers and the same Gray-code order).
     */
    private static final int[][] REFERENCE = {
        {2, 768, 256, 256, 256, 768, 768, 256, 768, 768, 768, 768, 768, 256, 256, 768, 256, 768, 256, 768, 256, 256, 768, 256, 256, 256, 768, 256, 768, 256, 768, 256, 256, 256, 768, 768, 768, 256, 256, 256, 256},
        {100, 424, 264, 792, 744, 904, 760, 24, 488, 648, 712, 472, 696, 488, 872, 328, 504, 696, 760, 856, 344, 776, 408, 8, 504, 24, 8, 968, 680, 248, 744, 728, 424, 264, 264, 376, 680, 1000, 488, 920, 136},
        {1000, 225, 99, 531, 693, 287, 929, 47, 921, 513, 71, 87, 261, 165, 393, 147, 379, 737, 353, 1015, 743, 535, 563, 973, 553, 597, 929, 41, 1003, 61, 349, 151, 149, 303, 607, 821, 789, 869, 851, 315, 491},
        {1023, 1, 771, 627, 149, 191, 449, 143, 633, 353, 871, 695, 37, 133, 681, 371, 475, 321, 897, 599, 327, 887, 19, 813, 201, 245, 385, 521, 779, 861, 445, 951, 629, 463, 895, 341, 885, 965, 1011, 923, 715},
    };

    @Test
    void matchesAnIndependentImplementationOfTheJoeKuoSequence() {
        SobolSequence s = new SobolSequence(40);
        double[] all = s.points(0, 1024);
        for (int[] ref : REFERENCE) {
            int index = ref[0];
            double[] p = s.point(index);
            for (int d = 0; d < 40; d++) {
                assertThat(p[d] * 1024).as("point %d dim %d", index, d + 1).isEqualTo(ref[d + 1]);
                assertThat(all[index * 40 + d]).isEqualTo(p[d]);
            }
        }
        // the last bundled dimension, point 255, times 256 (same source)
        double[] p = new SobolSequence(1000).point(255);
        int[] last = {37, 33, 93, 41, 127, 129, 33, 139, 161, 201};
        for (int d = 0; d < 10; d++) assertThat(p[990 + d] * 256).isEqualTo(last[d]);
    }

    @Test
    void everyOneDimensionalProjectionOfTheFirst2PowMPointsIsPerfectlyStratified() {
        int m = 10;
        int n = 1 << m;
        SobolSequence s = new SobolSequence(64);
        double[] x = s.points(0, n);
        for (int d = 0; d < 64; d++) {
            boolean[] hit = new boolean[n];
            for (int i = 0; i < n; i++) {
                int cell = (int) (x[i * 64 + d] * n);
                assertThat(hit[cell]).as("dimension %d cell %d hit twice", d + 1, cell).isFalse();
                hit[cell] = true;
            }
        }
    }

    @Test
    void firstTwoDimensionsFormA0M2Net() {
        // t = 0: every dyadic box of area 2^-m holds exactly one of the first 2^m points
        int m = 8;
        int n = 1 << m;
        double[] x = new SobolSequence(2).points(0, n);
        for (int a = 0; a <= m; a++) {
            int cols = 1 << a;
            int rows = 1 << (m - a);
            int[] count = new int[n];
            for (int i = 0; i < n; i++) {
                int c = (int) (x[2 * i] * cols);
                int r = (int) (x[2 * i + 1] * rows);
                count[c * rows + r]++;
            }
            for (int c : count) assertThat(c).isEqualTo(1);
        }
    }

    @Test
    void integratesASmoothProductFarBetterThanMonteCarloIn20And64Dimensions() {
        // f(x) = prod_k (1 + (x_k - 1/2) / k) has integral 1 and variance prod(1 + 1/(12 k^2)) - 1.
        // By Koksma-Hlawka the error of a low-discrepancy set falls like (log n)^d / n, not 1/sqrt(n):
        // at n = 4096 it must be a small fraction of the Monte Carlo standard error (measured: 0.07
        // of it in 20 dimensions, 0.10 in 64).
        int n = 4096;
        for (int d : new int[] {20, 64}) {
            double[] x = new SobolSequence(d).points(0, n);
            double sum = 0;
            double var = 1;
            for (int k = 1; k <= d; k++) var *= 1 + 1.0 / (12.0 * k * k);
            var -= 1;
            for (int i = 0; i < n; i++) {
                double f = 1;
                for (int k = 0; k < d; k++) f *= 1 + (x[i * d + k] - 0.5) / (k + 1);
                sum += f;
            }
            double error = Math.abs(sum / n - 1);
            double monteCarloSe = Math.sqrt(var / n);
            assertThat(error).as("d=%d", d).isLessThan(0.2 * monteCarloSe);
        }
    }

    @Test
    void refusesDimensionsBeyondTheBundledTable() {
        assertThatThrownBy(() -> new SobolSequence(1001)).hasMessageContaining("between 1 and 1000");
    }
}
