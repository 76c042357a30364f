package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AttentionTest {
    /** Bass (1969) closed form F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}). */
    private static double bass(double p, double q, double t) {
        double e = Math.exp(-(p + q) * t);
        return (1 - e) / (1 + q / p * e);
    }

    @Test
    void monthlyStepsReproduceTheBassClosedFormExactly() {
        double p = 0.03;
        double q = 0.38;
        double a = 0;
        for (int m = 1; m <= 240; m++) {
            a = Attention.step(a, p, q, 1.0 / 12);
            assertThat(a).isCloseTo(bass(p, q, m / 12.0), within(1e-12));
        }
    }

    @Test
    void naiveDivideByTwelveIsBiasedWhichIsWhyTheExactStepIsUsed() {
        double p = 0.03;
        double q = 0.38;
        double naive = 0;
        double maxGap = 0;
        for (int m = 1; m <= 240; m++) {
            naive += (1 - naive) * (p / 12 + q / 12 * naive);
            maxGap = Math.max(maxGap, Math.abs(naive - bass(p, q, m / 12.0)));
        }
        assertThat(maxGap).isGreaterThan(0.005);
    }

    @Test
    void pureExternalHazardIsExponential() {
        assertThat(Attention.step(0.2, 0.6, 0, 1.0 / 12)).isCloseTo(1 - 0.8 * Math.exp(-0.05), within(1e-15));
        assertThat(Attention.step(0.2, 0, 0, 1)).isEqualTo(0.2);
    }

    @Test
    void awarenessStaysInTheUnitIntervalAndNeverFalls() {
        var x = Fixtures.steppedTo(Fixtures.FOUR_LABS, 3);
        double[] before = x.state().awareness.clone();
        Fixtures.stepUntil(x, Choice.class);
        for (int k = 0; k < before.length; k++) {
            assertThat(x.state().awareness[k]).isBetween(before[k], 1.0);
        }
    }
}
