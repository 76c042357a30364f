package owsim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LognormalTest {
    /** Numeric E[f(T); zLo < Z <= zHi] by the midpoint rule on Z. */
    private static double numeric(double med, double sig, double zLo, double zHi, java.util.function.DoubleUnaryOperator f) {
        double lo = Math.max(zLo, -9);
        double hi = Math.min(zHi, 9);
        int n = 200_000;
        double h = (hi - lo) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double z = lo + (i + 0.5) * h;
            sum += f.applyAsDouble(med * Math.exp(sig * z)) * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * h;
        }
        return sum;
    }

    @Test
    void wholeDistributionGivesTheLognormalMean() {
        assertThat(Lognormal.partialMean(1e5, 1.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY))
            .isCloseTo(1e5 * Math.exp(1.125), within(1e-3 * 1e5));
    }

    @Test
    void cappedMeanMatchesNumericIntegrationWithin1e4Relative() {
        double med = 6e4;
        double sig = 1.8;
        double cap = 3e6;
        for (double[] z : new double[][] {{Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, {0.5, 1.6}, {1.6, Double.POSITIVE_INFINITY}}) {
            double exact = Lognormal.partialCappedMean(med, sig, z[0], z[1], cap);
            double num = numeric(med, sig, z[0], z[1], t -> Math.min(t, cap));
            assertThat(exact).isCloseTo(num, within(1e-4 * num));
        }
    }

    @Test
    void quantileInvertsTheCdf() {
        for (double p : new double[] {0.001, 0.3, 0.5, 0.9, 0.99}) {
            assertThat(Lognormal.phi(Lognormal.quantile(p))).isCloseTo(p, within(1e-6));
        }
    }

    @Test
    void tailMatchesTheCdf() {
        double med = 1e6;
        double sig = 2;
        double x = 5e7;
        assertThat(partialTail(med, sig, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, x))
            .isCloseTo(1 - Lognormal.phi(Math.log(x / med) / sig), within(1e-12));
    }

    /** Pr(zLo < Z <= zHi and T > x) for T = median exp(sigma Z), unconditional: the reference for sliceTail. */
    private static double partialTail(double median, double sigma, double zLo, double zHi, double x) {
        double zx = x <= 0 ? Double.NEGATIVE_INFINITY : Math.log(x / median) / sigma;
        return Math.max(0, Lognormal.phi(zHi) - Lognormal.phi(Math.max(zLo, zx)));
    }

    @Test
    void sliceTailIsThePartialTailGivenTheSlice() {
        double med = 1e6;
        double sig = 2;
        double zLo = Lognormal.quantile(0.6);
        double zHi = Lognormal.quantile(0.8);
        double phiHi = Lognormal.phi(zHi);
        double slice = phiHi - Lognormal.phi(zLo);
        for (double x : new double[] {1e5, 1e6, 2e6, 3e6, 5e6, 1e8}) {
            double z = Math.log(x / med) / sig;
            assertThat(Lognormal.sliceTail(z, zLo, zHi, phiHi, slice) * slice)
                .as("x = " + x).isCloseTo(partialTail(med, sig, zLo, zHi, x), within(1e-12));
        }
        assertThat(Lognormal.sliceTail(zLo - 1, zLo, zHi, phiHi, slice)).isEqualTo(1);
        assertThat(Lognormal.sliceTail(zHi + 1, zLo, zHi, phiHi, slice)).isZero();
        assertThat(Lognormal.sliceTail(0, zLo, zHi, phiHi, 0)).isZero();
    }
}
