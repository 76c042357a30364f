package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The subset probabilities built a lab at a time are the doubles of the product taken subset by
 * subset (no tolerance); a solve that merges the labs offering the class nothing, walks up to four
 * holders of one lab together with one division per subset and sums the lab shares in one pass
 * gives the sums taken holder by holder and lab by lab over every subset, within
 * {@link KnownLabsLogitTest#ROUNDING} relative (exact in arithmetic; only the rounding moves).
 */
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

    @Test
    void solveIsTheSumsTakenOneAtATimeToTheRounding() {
        solveIsTheSumsTakenOneAtATime(5, 1, 0);
    }

    /**
     * Weights so large that the product of four denominators would overflow: each holder divides
     * alone, and the outputs are still the sums one at a time (and finite).
     */
    @Test
    void hugeWeightsDivideHolderByHolder() {
        solveIsTheSumsTakenOneAtATime(1e80, 1e80, 1);
    }

    /** Lab weights up to {@code scale}, switching bonuses up to {@code extraScale}, a floor on the bonus of {@code floor} x scale. */
    private static void solveIsTheSumsTakenOneAtATime(double scale, double extraScale, double floor) {
        SplittableRandom random = new SplittableRandom(16);
        int paired = 0;
        int merged = 0;
        int grouped = 0;
        double worst = 0;
        for (int labs = 1; labs <= 8; labs++) {
            int subsets = 1 << labs;
            EnumeratedKnownLabs logit = new EnumeratedKnownLabs(labs, 12);
            for (int trial = 0; trial < 40; trial++) {
                double[] known = new double[labs];
                for (int i = 0; i < labs; i++) {
                    double u = random.nextDouble();
                    known[i] = u < 0.15 ? 0 : u > 0.9 ? 1 : random.nextDouble();
                }
                logit.awareness(known);
                // Some labs offer the class nothing (weight 0): their subsets share denominators.
                for (int i = 0; i < labs; i++) logit.labWeight[i] = random.nextDouble() < 0.2 ? 0 : (floor + random.nextDouble()) * scale;
                logit.clearHolders();
                int n = random.nextInt(13);
                int lab = random.nextInt(labs);
                int run = 0;
                int held = 0;
                for (int h = 0; h < n; h++) {
                    // Runs of holders of one lab, as a class's options are listed, lab by lab.
                    if (random.nextDouble() < 0.4) {
                        lab = random.nextInt(labs);
                        run = 0;
                    } else {
                        paired++;
                    }
                    if (++run >= 3) grouped++;
                    held |= 1 << lab;
                    logit.addHolder(lab, random.nextDouble() * 0.2, (floor + random.nextDouble()) * 0.6 * extraScale);
                }
                for (int i = 0; i < labs; i++) if (logit.labWeight[i] == 0 && known[i] > 0 && known[i] < 1 && (held >> i & 1) == 0) merged++;
                logit.outsideMass = random.nextDouble() * 0.2;
                logit.solve();
                // The sums one at a time: holder after holder over every subset that contains its lab, ascending.
                double[] denom = new double[subsets];
                double[] weight = new double[subsets];
                denom[0] = 1;
                for (int m = 1; m < subsets; m++) denom[m] = denom[m & (m - 1)] + logit.labWeight[Integer.numberOfTrailingZeros(m)];
                for (int h = 0; h < logit.holders; h++) {
                    int i = logit.holderLab[h];
                    double kept = 0;
                    int r = 0;
                    for (int m = 0; m < subsets; m++) {
                        if ((m >> i & 1) == 0) continue;
                        double cond = logit.givenKnown(i, r++);
                        if (cond == 0) continue;
                        double x = logit.holderMass[h] * cond / (denom[m] + logit.holderExtra[h]);
                        weight[m] += x;
                        kept += x * logit.holderExtra[h];
                    }
                    worst = Math.max(worst, check(logit.holderKept[h], kept, "labs %d holder %d", labs, h));
                }
                double surplus = 0;
                for (int m = 0; m < subsets; m++) {
                    double p = logit.subsetProbability(m);
                    if (p == 0) continue;
                    weight[m] += logit.outsideMass * p / denom[m];
                    surplus += p * Math.log(denom[m]);
                }
                worst = Math.max(worst, check(logit.expectedLnDenominator, surplus, "labs %d E[ln D]", labs, 0));
                double total = 0;
                for (int m = 0; m < subsets; m++) total += weight[m];
                worst = Math.max(worst, check(logit.outsideShare, total, "labs %d total", labs, 0));
                for (int i = 0; i < labs; i++) {
                    double t = 0;
                    for (int m = 0; m < subsets; m++) if ((m >> i & 1) != 0) t += weight[m];
                    worst = Math.max(worst, check(logit.labShare[i], t, "labs %d lab %d", labs, i));
                }
            }
        }
        assertThat(paired).isGreaterThan(300);
        assertThat(grouped).as("holders third or fourth of a lab's run").isGreaterThan(100);
        assertThat(merged).as("partly known labs of weight 0 held by nobody").isGreaterThan(30);
        assertThat(worst).isGreaterThan(0);
    }

    /** The relative difference of a solve's output from the sum one at a time, checked against the tolerance. */
    private static double check(double actual, double expected, String what, int labs, int index) {
        assertThat(Double.isFinite(actual)).as(what, labs, index).isTrue();
        double d = KnownLabsLogitTest.relative(actual, expected);
        assertThat(d).as(what, labs, index).isLessThan(KnownLabsLogitTest.ROUNDING);
        return d;
    }
}
