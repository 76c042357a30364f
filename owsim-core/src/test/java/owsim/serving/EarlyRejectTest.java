package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The layout search skips a candidate by one multiplication against a bound ({@link ServingEngine#rejectFrom}) only when
 * the exact comparison it stands for (the candidate's output per device, fl(fl(1 / s) / g), above the best's times 1 +
 * gain) would have said no: checked on two million candidates drawn around the tie, most within a few units in the
 * last place, over the whole range of rates and device counts the engine allows.
 */
class EarlyRejectTest {
    @Test void aRejectedCandidateWouldHaveLost() {
        SplittableRandom rnd = new SplittableRandom(14);
        double[] gains = {-ServingEngine.WIDER_GAIN, 1e-9, ServingEngine.WIDER_GAIN};
        long rejected = 0;
        long kept = 0;
        for (int i = 0; i < 2_000_000; i++) {
            double perGpu = Math.exp(rnd.nextDouble(-12, 18));
            double gain = gains[rnd.nextInt(3)];
            int g = 1 + rnd.nextInt(Planner.MAX_GPUS);
            double threshold = perGpu * (1 + gain);
            double d = switch (rnd.nextInt(3)) {
                case 0 -> rnd.nextInt(-64, 65) * 0x1p-53;
                case 1 -> rnd.nextDouble(-1e-8, 1e-8);
                default -> rnd.nextDouble(-0.5, 0.5);
            };
            double s = 1 / (threshold * g) * (1 + d);
            boolean reject = s * g >= ServingEngine.rejectFrom(perGpu, gain);
            boolean wins = 1 / s / g > threshold;
            if (reject) {
                rejected++;
                assertThat(wins).as("perGpu %s gain %s g %d s %s", perGpu, gain, g, s).isFalse();
                // Near ties are never skipped: they go to the exact comparison.
                assertThat(Math.abs(d)).isGreaterThan(1e-10);
            } else {
                kept++;
            }
        }
        assertThat(rejected).isGreaterThan(300_000);
        assertThat(kept).isGreaterThan(300_000);
    }

    @Test void noBoundOutsideTheNormalRange() {
        assertThat(ServingEngine.rejectFrom(0, 0.05)).isNaN();
        assertThat(ServingEngine.rejectFrom(Double.POSITIVE_INFINITY, 0.05)).isNaN();
        assertThat(ServingEngine.rejectFrom(Double.NaN, 0.05)).isNaN();
        assertThat(ServingEngine.rejectFrom(-3, 0.05)).isNaN();
        assertThat(ServingEngine.rejectFrom(1e-305, 0.05)).isNaN();
        assertThat(ServingEngine.rejectFrom(1000, 0.05)).isBetween(1 / 1050.0, 1 / 1050.0 * (1 + 2e-9));
    }
}
