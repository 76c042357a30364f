package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Ln} within 2 ulps of {@link StrictMath#log} (which is within 1 ulp of the exact value) from 1 up, and exact where the logarithm is. */
class LnTest {
    @Test
    void withinTwoUlpsOfTheStrictLogarithm() {
        SplittableRandom random = new SplittableRandom(17);
        double worst = 0;
        for (int n = 0; n < 2_000_000; n++) {
            // Denominators of the choice (1 plus weights, up to 1e12), then any finite double of at least 1.
            double x = n % 2 == 0 ? 1 + Math.exp(random.nextDouble(-40, 28)) : Double.longBitsToDouble(random.nextLong(0x3FF0000000000000L, 0x7FF0000000000000L));
            double exact = StrictMath.log(x);
            double ulps = Math.abs(Ln.of(x) - exact) / Math.ulp(exact);
            assertThat(ulps).as("x %s", x).isLessThanOrEqualTo(2);
            worst = Math.max(worst, ulps);
        }
        assertThat(worst).isGreaterThan(0);
    }

    @Test
    void exactWhereTheLogarithmIsAndStrictOutsideTheNormalRange() {
        assertThat(Ln.of(1)).isEqualTo(0.0);
        assertThat(Ln.of(2)).isEqualTo(StrictMath.log(2));
        assertThat(Ln.of(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Ln.of(-1)).isNaN();
        assertThat(Ln.of(Double.NaN)).isNaN();
        assertThat(Ln.of(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Ln.of(Double.MIN_VALUE)).isEqualTo(StrictMath.log(Double.MIN_VALUE));
        assertThat(Ln.of(0.9956340661650975)).isEqualTo(StrictMath.log(0.9956340661650975));
        assertThat(Ln.of(Double.MAX_VALUE)).isCloseTo(StrictMath.log(Double.MAX_VALUE), org.assertj.core.api.Assertions.within(2 * Math.ulp(709.0)));
    }
}
