package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The choice over the labs a user may know: the exact subset sum against a brute-force reference,
 * and the integral used for many labs against the exact sum on random classes of 4, 6 and 8 labs.
 * Tolerance: the integral's shares within {@link #SHARE_TOLERANCE} of the exact sum's (absolute,
 * shares of a class sum to 1), its E[ln D] within the same; MODEL.md states the measured error.
 */
class KnownLabsLogitTest {
    static final double SHARE_TOLERANCE = 1e-12;

    /** A random class: per lab awareness and options' weights; holders of some options; an outside mass. */
    record RandomClass(int labs, double[] known, int[] optionLab, double[] expV, double[] share, double churn, double stay) {
        static RandomClass draw(int labs, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] known = new double[labs];
            for (int l = 0; l < labs; l++) {
                double u = r.nextDouble();
                known[l] = u < 0.1 ? 0 : u < 0.2 ? 1 : r.nextDouble();
            }
            int perLab = 1 + r.nextInt(6);
            int options = labs * perLab;
            int[] optionLab = new int[options];
            double[] expV = new double[options];
            double[] share = new double[options + 1];
            double spread = r.nextDouble() < 0.3 ? 20 : 6;
            for (int o = 0; o < options; o++) {
                optionLab[o] = o / perLab;
                expV[o] = r.nextDouble() < 0.1 ? 0 : Math.exp(spread * (2 * r.nextDouble() - 1));
            }
            double sum = 0;
            for (int o = 0; o <= options; o++) {
                share[o] = r.nextDouble() < 0.4 ? 0 : r.nextDouble();
                sum += share[o];
            }
            if (sum == 0) {
                share[0] = 1;
                sum = 1;
            }
            for (int o = 0; o <= options; o++) share[o] /= sum;
            double churn = r.nextDouble() < 0.2 ? 1 : r.nextDouble();
            double stay = r.nextDouble() < 0.2 ? 1 : Math.exp(3 * r.nextDouble());
            return new RandomClass(labs, known, optionLab, expV, share, churn, stay);
        }

        /** Solves with the given method; returns the chosen shares: [0] nothing, [1 + o] option o, then E[ln D]. */
        double[] solve(KnownLabsLogit logit) {
            int options = expV.length;
            logit.awareness(known);
            java.util.Arrays.fill(logit.labWeight, 0);
            for (int o = 0; o < options; o++) logit.labWeight[optionLab[o]] += expV[o];
            logit.clearHolders();
            int[] holderOf = new int[options];
            java.util.Arrays.fill(holderOf, -1);
            for (int o = 0; o < options; o++) {
                if (share[o + 1] <= 0 || expV[o] == 0) continue;
                holderOf[o] = logit.holders;
                logit.addHolder(optionLab[o], churn * share[o + 1], (stay - 1) * expV[o]);
            }
            double gone = 0;
            for (int o = 0; o < options; o++) if (expV[o] == 0) gone += share[o + 1];
            logit.outsideMass = churn * share[0] + churn * gone;
            logit.solve();
            double[] out = new double[options + 2];
            out[0] = logit.outsideShare;
            for (int o = 0; o < options; o++) {
                out[o + 1] = expV[o] * logit.labShare[optionLab[o]] + (holderOf[o] >= 0 ? logit.holderKept[holderOf[o]] : 0);
            }
            out[options + 1] = logit.expectedLnDenominator;
            return out;
        }

        /** The same by brute force: every subset of known labs, every holder, one at a time. */
        double[] bruteForce() {
            int options = expV.length;
            double[] out = new double[options + 2];
            for (int m = 0; m < 1 << labs; m++) {
                double p = 1;
                for (int l = 0; l < labs; l++) p *= (m >> l & 1) != 0 ? known[l] : 1 - known[l];
                double d = 1;
                for (int o = 0; o < options; o++) if ((m >> optionLab[o] & 1) != 0) d += expV[o];
                out[options + 1] += p * Math.log(d);
                double gone = 0;
                for (int o = 0; o < options; o++) if (expV[o] == 0) gone += share[o + 1];
                double outside = churn * (share[0] + gone);
                out[0] += p * outside / d;
                for (int o = 0; o < options; o++) if ((m >> optionLab[o] & 1) != 0) out[o + 1] += p * outside * expV[o] / d;
                for (int j = 0; j < options; j++) {
                    if (share[j + 1] <= 0 || expV[j] == 0 || (m >> optionLab[j] & 1) == 0) continue;
                    // Given lab(j) known: the probability of m among the other labs.
                    double q = known[optionLab[j]] > 0 ? p / known[optionLab[j]] : conditional(m, optionLab[j]);
                    double extra = (stay - 1) * expV[j];
                    double mass = churn * share[j + 1];
                    out[0] += q * mass / (d + extra);
                    for (int o = 0; o < options; o++) {
                        if ((m >> optionLab[o] & 1) == 0) continue;
                        out[o + 1] += q * mass * (expV[o] + (o == j ? extra : 0)) / (d + extra);
                    }
                }
            }
            return out;
        }

        private double conditional(int m, int lab) {
            double q = 1;
            for (int l = 0; l < labs; l++) if (l != lab) q *= (m >> l & 1) != 0 ? known[l] : 1 - known[l];
            return q;
        }

        /** The same class where labs from {@code first} on are unknown to all and held by nobody (their users hold nothing). */
        RandomClass unreachableFrom(int first) {
            double[] k = known.clone();
            double[] sh = share.clone();
            for (int l = first; l < labs; l++) k[l] = 0;
            for (int o = 0; o < expV.length; o++) {
                if (optionLab[o] < first) continue;
                sh[0] += sh[o + 1];
                sh[o + 1] = 0;
            }
            return new RandomClass(labs, k, optionLab, expV, sh, churn, stay);
        }

        double mass() {
            double m = 0;
            for (double s : share) m += s;
            return churn * m;
        }
    }

    static double maxShareError(double[] a, double[] b) {
        double worst = 0;
        for (int k = 0; k < a.length - 1; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
        return worst;
    }

    @Test
    void theSubsetSumIsTheBruteForceSum() {
        for (int labs = 1; labs <= 6; labs++) {
            for (long seed = 0; seed < 40; seed++) {
                RandomClass x = RandomClass.draw(labs, seed);
                double[] exact = x.solve(new EnumeratedKnownLabs(labs, x.expV().length));
                double[] brute = x.bruteForce();
                for (int k = 0; k < exact.length; k++) assertThat(exact[k]).isCloseTo(brute[k], within(1e-12 * Math.max(1, Math.abs(brute[k]))));
            }
        }
    }

    /**
     * The subset sum walks only the subsets that can be known, merges the labs that offer the
     * class nothing and divides once per group of holders of a lab; a sum over every subset,
     * holder by holder, skipping those of probability 0 as it goes (the loops before those
     * changes), must give the same outputs within {@link #ROUNDING} relative (the changes are exact
     * in arithmetic: only the rounding moves), including for classes with labs known by nobody or
     * by everyone and options of weight 0.
     */
    @Test
    void listingTheKnowableSubsetsMatchesTheFullSumToTheRounding() {
        double worst = 0;
        for (int labs = 1; labs <= 8; labs++) {
            for (long seed = 0; seed < 60; seed++) {
                RandomClass x = RandomClass.draw(labs, seed);
                EnumeratedKnownLabs listed = new EnumeratedKnownLabs(labs, x.expV().length);
                x.solve(listed);
                double[] full = fullSum(listed, x.known());
                worst = Math.max(worst, relative(listed.outsideShare, full[0]));
                worst = Math.max(worst, relative(listed.expectedLnDenominator, full[1]));
                for (int l = 0; l < labs; l++) worst = Math.max(worst, relative(listed.labShare[l], full[2 + l]));
                for (int h = 0; h < listed.holders; h++) worst = Math.max(worst, relative(listed.holderKept[h], full[2 + labs + h]));
            }
        }
        assertThat(worst).isLessThan(ROUNDING).isGreaterThan(0);
    }

    /** The largest relative difference the subset sum's reformulations may make (measured: about 1e-15). */
    static final double ROUNDING = 1e-13;

    /** |a - b| relative to |b| (0 if both are 0; a difference from an exact 0 counts in full). */
    static double relative(double a, double b) {
        if (a == b) return 0;
        return Math.abs(a - b) / Math.max(Math.abs(b), Double.MIN_NORMAL);
    }

    /** The inputs {@code logit} was last solved with, summed over every subset: outside share, E[ln D], lab shares, holders' kept shares. */
    private static double[] fullSum(KnownLabsLogit logit, double[] known) {
        int labs = logit.labs;
        int subsets = 1 << labs;
        double[] prob = new double[subsets];
        double[] denom = new double[subsets];
        double[] weight = new double[subsets];
        for (int m = 0; m < subsets; m++) {
            double p = 1;
            for (int i = 0; i < labs; i++) p *= (m >> i & 1) != 0 ? known[i] : 1 - known[i];
            prob[m] = p;
        }
        denom[0] = 1;
        for (int m = 1; m < subsets; m++) denom[m] = denom[m & (m - 1)] + logit.labWeight[Integer.numberOfTrailingZeros(m)];
        double[] out = new double[2 + labs + logit.holders];
        for (int h = 0; h < logit.holders; h++) {
            int i = logit.holderLab[h];
            double kept = 0;
            for (int m = 0; m < subsets; m++) {
                if ((m >> i & 1) == 0) continue;
                double q = 1;
                for (int j = 0; j < labs; j++) if (j != i) q *= (m >> j & 1) != 0 ? known[j] : 1 - known[j];
                if (q == 0) continue;
                double x = logit.holderMass[h] * q / (denom[m] + logit.holderExtra[h]);
                weight[m] += x;
                kept += x * logit.holderExtra[h];
            }
            out[2 + labs + h] = kept;
        }
        double surplus = 0;
        for (int m = 0; m < subsets; m++) {
            if (prob[m] == 0) continue;
            weight[m] += logit.outsideMass * prob[m] / denom[m];
            surplus += prob[m] * Math.log(denom[m]);
        }
        double total = 0;
        for (int m = 0; m < subsets; m++) total += weight[m];
        out[0] = total;
        out[1] = surplus;
        for (int i = 0; i < labs; i++) {
            double t = 0;
            for (int m = 0; m < subsets; m++) if ((m >> i & 1) != 0) t += weight[m];
            out[2 + i] = t;
        }
        return out;
    }

    @Property(tries = 300)
    void theIntegralMatchesTheSubsetSumAtFourToEightLabs(@ForAll @IntRange(min = 2, max = 4) int half, @ForAll long seed) {
        RandomClass x = RandomClass.draw(2 * half, seed);
        double[] exact = x.solve(new EnumeratedKnownLabs(x.labs(), x.expV().length));
        double[] integral = x.solve(new IntegralKnownLabs(x.labs(), x.expV().length));
        assertThat(maxShareError(exact, integral)).isLessThan(SHARE_TOLERANCE);
        int last = exact.length - 1;
        assertThat(integral[last]).isCloseTo(exact[last], within(SHARE_TOLERANCE));
    }

    @Property(tries = 100)
    void bothMethodsShareOutExactlyTheReconsideringMass(@ForAll @IntRange(min = 1, max = 12) int labs, @ForAll long seed) {
        RandomClass x = RandomClass.draw(labs, seed);
        for (KnownLabsLogit method : new KnownLabsLogit[] {KnownLabsLogit.forLabs(labs, x.expV().length), new IntegralKnownLabs(labs, x.expV().length)}) {
            double[] out = x.solve(method);
            double sum = 0;
            for (int k = 0; k < out.length - 1; k++) {
                assertThat(out[k]).isGreaterThanOrEqualTo(0);
                sum += out[k];
            }
            assertThat(sum).isCloseTo(x.mass(), within(1e-12));
        }
    }

    /**
     * A world of more labs than the exact sum takes, most of which the class cannot reach (as a
     * region without their services): the labs that remain are summed exactly, and agree with the
     * integral over all of them.
     */
    @Property(tries = 60)
    void unreachableLabsDropOutAndTheRestIsSummedExactly(@ForAll @IntRange(min = 11, max = 20) int labs,
                                                         @ForAll @IntRange(min = 1, max = 10) int reachable, @ForAll long seed) {
        RandomClass x = RandomClass.draw(labs, seed).unreachableFrom(reachable);
        double[] active = x.solve(KnownLabsLogit.forLabs(labs, x.expV().length));
        double[] integral = x.solve(new IntegralKnownLabs(labs, x.expV().length));
        assertThat(maxShareError(active, integral)).isLessThan(SHARE_TOLERANCE);
        int last = active.length - 1;
        assertThat(active[last]).isCloseTo(integral[last], within(SHARE_TOLERANCE));
        // The exact sum over the reachable labs alone gives the same doubles.
        RandomClass small = RandomClass.draw(labs, seed).unreachableFrom(reachable);
        assertThat(KnownLabsLogit.forLabs(labs, x.expV().length)).isInstanceOf(ActiveLabsLogit.class);
        assertThat(small.solve(KnownLabsLogit.forLabs(labs, x.expV().length))).containsExactly(active);
    }

    @Test
    void theIntegralIsExactForOneLabKnownForSure() {
        IntegralKnownLabs logit = new IntegralKnownLabs(1, 1);
        logit.awareness(new double[] {1});
        for (double x : new double[] {0, 1e-6, 0.3, 1, 7, 1e3, 1e6, 1e12}) {
            logit.labWeight[0] = x;
            logit.clearHolders();
            logit.outsideMass = 1;
            logit.solve();
            assertThat(logit.outsideShare).isCloseTo(1 / (1 + x), within(1e-13));
            assertThat(x * logit.labShare[0]).isCloseTo(x / (1 + x), within(1e-13));
            assertThat(logit.expectedLnDenominator).isCloseTo(Math.log1p(x), within(1e-13 * Math.max(1, Math.log1p(x))));
        }
    }

    /** Beyond the exact sum's own range the integral keeps its accuracy: 12 and 16 labs, each against the 2^labs sum. */
    @Test
    void theIntegralMatchesTheSubsetSumAtTwelveAndSixteenLabs() {
        for (int labs : new int[] {12, 16}) {
            for (long seed = 0; seed < 5; seed++) {
                RandomClass x = RandomClass.draw(labs, 7_000_001L * labs + seed);
                double[] exact = x.solve(new EnumeratedKnownLabs(labs, x.expV().length));
                double[] integral = x.solve(new IntegralKnownLabs(labs, x.expV().length));
                assertThat(maxShareError(exact, integral)).isLessThan(SHARE_TOLERANCE);
                assertThat(integral[integral.length - 1]).isCloseTo(exact[exact.length - 1], within(SHARE_TOLERANCE));
            }
        }
    }

    /** Measured error of the integral against the exact sum, by number of labs (printed when OWSIM_CHOICE_ERRORS is set, for MODEL.md). */
    @Test
    void measuredErrorAtFourSixAndEightLabs() {
        for (int labs : new int[] {4, 6, 8}) {
            double worst = 0;
            double worstLn = 0;
            for (long seed = 0; seed < 500; seed++) {
                RandomClass x = RandomClass.draw(labs, 1_000_003L * labs + seed);
                double[] exact = x.solve(new EnumeratedKnownLabs(labs, x.expV().length));
                double[] integral = x.solve(new IntegralKnownLabs(labs, x.expV().length));
                worst = Math.max(worst, maxShareError(exact, integral));
                worstLn = Math.max(worstLn, Math.abs(exact[exact.length - 1] - integral[integral.length - 1]));
            }
            if (System.getenv("OWSIM_CHOICE_ERRORS") != null) System.out.printf("labs %d: max share error %.2e, max E[ln D] error %.2e%n", labs, worst, worstLn);
            assertThat(worst).isLessThan(SHARE_TOLERANCE);
            assertThat(worstLn).isLessThan(SHARE_TOLERANCE);
        }
    }
}
