package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The subset probabilities built a lab at a time are the doubles of the product taken subset by subset. */
class EnumeratedKnownLabsTest {
    @Test
    void subsetProbabilitiesAreTheDirectProductsBitForBit() {
        SplittableRandom random = new SplittableRandom(15);
        int checked = 0;
        for (int labs = 1; labs <= 10; labs++) {
            EnumeratedKnownLabs logit = new EnumeratedKnownLabs(labs, 4);
            for (int trial = 0; trial < 20; trial++) {
                double[] known = new double[labs];
                for (int i = 0; i < labs; i++) {
                    double u = random.nextDouble();
                    // Unreachable and certain labs too (a region a lab is not offered in has 0).
                    known[i] = u < 0.15 ? 0 : u > 0.9 ? 1 : random.nextDouble();
                }
                logit.awareness(known);
                for (int m = 0; m < 1 << labs; m++) {
                    double p = 1;
                    for (int i = 0; i < labs; i++) p *= (m >> i & 1) != 0 ? known[i] : 1 - known[i];
                    assertThat(Double.doubleToRawLongBits(logit.subsetProbability(m))).as("labs %d subset %d", labs, m)
                        .isEqualTo(Double.doubleToRawLongBits(p));
                    checked++;
                }
                for (int i = 0; i < labs; i++) {
                    int r = 0;
                    for (int m = 0; m < 1 << labs; m++) {
                        if ((m >> i & 1) == 0) continue;
                        double q = 1;
                        for (int j = 0; j < labs; j++) {
                            if (j != i) q *= (m >> j & 1) != 0 ? known[j] : 1 - known[j];
                        }
                        assertThat(Double.doubleToRawLongBits(logit.givenKnown(i, r++))).as("labs %d lab %d subset %d", labs, i, m)
                            .isEqualTo(Double.doubleToRawLongBits(q));
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(20 * ((1 << 11) - 2));
    }
}
