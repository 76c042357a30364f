package owsim.market;

import java.util.Arrays;

/**
 * {@link KnownLabsLogit} summed exactly over every subset of labs a member may know: 2^labs
 * denominators, and for each holder the 2^(labs-1) subsets that contain its lab. The operations
 * and their order are those of the choice step before larger worlds were possible, so its results
 * are the same doubles.
 */
final class EnumeratedKnownLabs extends KnownLabsLogit {
    private final int subsets;
    private final int half;
    /** For each lab i, the subsets (bit masks) that contain i, ascending: row i of 2^(labs-1) entries. */
    private final int[] knowing;
    /** Probability of each subset, and of lab i's subsets given that lab i is known (row i). */
    private final double[] prob;
    private final double[] cond;
    private final double[] denom;
    private final double[] weight;
    private final LastValueCache log;
    /** ln of each likely subset's denominator, as made by the last solve. */
    private final double[] lnDenom;
    /**
     * The terms the sums keep, made with the probabilities: where a segment cannot know a lab (a
     * region it is not offered in), half of the subsets have probability 0 and add nothing, so the
     * loops walk only the rest, in the same ascending order. Per lab i, row i: how many of its
     * subsets have a conditional probability above 0, those subsets and their probabilities.
     */
    private final int[] heldCount;
    private final int[] heldSubset;
    private final double[] heldCond;
    /** The labs a member may know (awareness above 0), one bit each. */
    private int awareMask;
    /**
     * The subsets whose weight a solve can make other than 0 (those of the rows above and the
     * likely ones, of probability above 0), ascending. The others would keep
     * their weight +0, which leaves a sum of weights unchanged (a sum of them is never -0), so the
     * sums of the outputs read only these, and a solve sets to 0 and writes only these.
     */
    private final int[] reachedSubset;
    private int reachedCount;
    /** Scratch of {@link #listReached}: which subsets a solve can weigh (kept, as awareness is set for every class and month). */
    private final boolean[] reached;
    /**
     * The sums of the outputs, laid out so that a solve adds four of them side by side (four
     * independent chains of additions instead of one after another). The labs are taken in order of
     * how many reached subsets contain them, most first, four to a block (the last block filled up
     * with empty rows): position p holds lab {@link #sumLab}[p] (-1: none) and row p of
     * 2^(labs-1) entries, the reached subsets that contain that lab, ascending; block b is summed
     * over {@link #blockLength}[b] steps. The rows are filled up with {@link #zeroSlot}, a weight
     * that is always +0: adding it leaves a sum the same double (a sum of weights is never -0), so
     * each sum is the same as over its reached subsets alone.
     */
    private final int[] reachedOf;
    private final int[] sumLab;
    private final int[] blockLength;
    private final int zeroSlot;
    private final int sumRows;
    /** Scratch of {@link #listReached}: how many reached subsets contain each lab. */
    private final int[] reachedOfCount;

    EnumeratedKnownLabs(int labs, int maxHolders) {
        super(labs, maxHolders);
        if (labs > 20) throw new IllegalArgumentException("labs: the subset sum takes at most 20 labs, was " + labs);
        subsets = 1 << labs;
        half = subsets >> 1;
        knowing = subsetsKnowing(labs);
        prob = new double[subsets];
        cond = new double[labs * half];
        denom = new double[subsets];
        weight = new double[subsets + 1];   // the last: the zero slot, never written
        log = new LastValueCache(subsets, Math::log);
        lnDenom = new double[subsets];
        heldCount = new int[labs];
        heldSubset = new int[labs * half];
        heldCond = new double[labs * half];
        reachedSubset = new int[subsets];
        reached = new boolean[subsets];
        zeroSlot = subsets;
        sumRows = (labs + 3) & ~3;
        reachedOf = new int[sumRows * half];
        sumLab = new int[sumRows];
        blockLength = new int[sumRows / 4];
        reachedOfCount = new int[labs];
    }

    private static int[] subsetsKnowing(int labs) {
        int half = 1 << (labs - 1);
        int[] knowing = new int[labs * half];
        for (int i = 0; i < labs; i++) {
            int k = i * half;
            for (int m = 0; m < 1 << labs; m++) if ((m >> i & 1) != 0) knowing[k++] = m;
        }
        return knowing;
    }

    @Override void awareness(double[] known) {
        // P(subset m) is the product over labs i = 0, 1, ... of a_i or 1 - a_i, multiplied in that
        // order starting from 1. Built a lab at a time (the subsets of labs below i, then lab i known
        // or not), each subset's product is the same sequence of multiplications, so the same
        // double, for 2^(labs+1) multiplications instead of labs x 2^labs.
        prob[0] = 1;
        for (int i = 0, size = 1; i < labs; i++, size <<= 1) {
            double a = known[i];
            for (int m = 0; m < size; m++) {
                double p = prob[m];
                prob[m | size] = p * a;
                prob[m] = p * (1 - a);
            }
        }
        // Row i: the same products without lab i's factor, over the subsets that contain i in
        // ascending order; the r-th of them is r with a bit for lab i inserted, so the row is built
        // like prob over the other labs in ascending order.
        for (int i = 0; i < labs; i++) {
            int base = i * half;
            cond[base] = 1;
            int size = 1;
            for (int j = 0; j < labs; j++) {
                if (j == i) continue;
                double a = known[j];
                for (int r = 0; r < size; r++) {
                    double q = cond[base + r];
                    cond[base + (r | size)] = q * a;
                    cond[base + r] = q * (1 - a);
                }
                size <<= 1;
            }
        }
        awareMask = 0;
        for (int i = 0; i < labs; i++) if (known[i] > 0) awareMask |= 1 << i;
        // The rows below are written without a branch per entry (each entry is written, and the
        // count moves on only if it is kept), as which are kept follows no pattern a branch predicts.
        for (int i = 0; i < labs; i++) {
            int n = i * half;
            for (int k = i * half, end = k + half; k < end; k++) {
                double c = cond[k];
                heldSubset[n] = knowing[k];
                heldCond[n] = c;
                n += c != 0 ? 1 : 0;
            }
            heldCount[i] = n - i * half;
        }
        listReached();
    }

    /** The probability of subset m set by the last {@link #awareness} (for tests). */
    double subsetProbability(int m) {
        return prob[m];
    }

    /** The probability of the r-th subset (ascending) that contains lab i, given that i is known (for tests). */
    double givenKnown(int i, int r) {
        return cond[i * half + r];
    }

    /** Lists the subsets a solve can weigh (see {@link #reachedSubset}), after the rows of terms. */
    private void listReached() {
        // The likely subsets (probability above 0), then the holders' rows.
        for (int m = 0; m < subsets; m++) reached[m] = prob[m] != 0;
        for (int i = 0; i < labs; i++) {
            for (int k = i * half, end = k + heldCount[i]; k < end; k++) reached[heldSubset[k]] = true;
        }
        int count = 0;
        for (int m = 0; m < subsets; m++) {
            reachedSubset[count] = m;
            count += reached[m] ? 1 : 0;
        }
        reachedCount = count;
        // Each lab's reached subsets, ascending; the labs ordered by how many, most first (ties by
        // lab); each position's row filled up with the zero slot to its block's length.
        for (int i = 0; i < labs; i++) {
            int n = 0;
            for (int k = i * half, end = k + half; k < end; k++) n += reached[knowing[k]] ? 1 : 0;
            reachedOfCount[i] = n;
            int p = i;
            while (p > 0 && reachedOfCount[sumLab[p - 1]] < n) {
                sumLab[p] = sumLab[p - 1];
                p--;
            }
            sumLab[p] = i;
        }
        for (int p = labs; p < sumRows; p++) sumLab[p] = -1;
        for (int b = 0; b < blockLength.length; b++) blockLength[b] = reachedOfCount[sumLab[4 * b]];
        for (int p = 0; p < sumRows; p++) {
            int i = sumLab[p];
            int n = p * half;
            if (i >= 0) {
                for (int k = i * half, end = k + half; k < end; k++) {
                    int m = knowing[k];
                    reachedOf[n] = m;
                    n += reached[m] ? 1 : 0;
                }
            }
            Arrays.fill(reachedOf, n, p * half + blockLength[p >> 2], zeroSlot);
        }
    }

    @Override void solve() {
        // The denominators a solve reads are those of subsets of the labs a member may know or a
        // holder knows (the likely subsets, and the rows of the holders' labs): only those are
        // made, each as before from the subset without its lowest lab (also one of them), in
        // ascending order. A lab no member of the segment can know and nobody holds (a region it
        // does not serve) halves them.
        int used = awareMask;
        for (int h = 0; h < holders; h++) used |= 1 << holderLab[h];
        denom[0] = 1;
        for (int m = used & -used; m != 0; m = (m - used) & used) {
            int low = Integer.numberOfTrailingZeros(m);
            denom[m] = denom[m & (m - 1)] + labWeight[low];
        }
        // Only the reached subsets are written and read below; the others keep what they hold.
        for (int j = 0; j < reachedCount; j++) weight[reachedSubset[j]] = 0;
        for (int h = 0; h < holders; h++) {
            int i = holderLab[h];
            double mass = holderMass[h];
            double extra = holderExtra[h];
            double kept = 0;
            if (h + 1 < holders && holderLab[h + 1] == i) {
                // Two holders of one lab (a lab's options are listed together): the same subsets,
                // walked once for both. Each subset's weight still adds the first holder's term,
                // then the second's, as holder after holder would; each keeps its own sum.
                double mass2 = holderMass[h + 1];
                double extra2 = holderExtra[h + 1];
                double kept2 = 0;
                for (int k = i * half, end = k + heldCount[i]; k < end; k++) {
                    int m = heldSubset[k];
                    double cond = heldCond[k];
                    double d = denom[m];
                    double x = mass * cond / (d + extra);
                    double x2 = mass2 * cond / (d + extra2);
                    weight[m] = weight[m] + x + x2;
                    kept += x * extra;
                    kept2 += x2 * extra2;
                }
                holderKept[h] = kept;
                holderKept[++h] = kept2;
                continue;
            }
            // The subsets that contain lab i and may be known, ascending (the hot loop of a run: holders x subsets x classes x months).
            for (int k = i * half, end = k + heldCount[i]; k < end; k++) {
                int m = heldSubset[k];
                double x = mass * heldCond[k] / (denom[m] + extra);
                weight[m] += x;
                kept += x * extra;
            }
            holderKept[h] = kept;
        }
        // A lab whose options this class is not offered (weight 0) adds +0 to every denominator, so
        // a subset with it has the denominator, bit for bit, of the subset without it, and the same
        // logarithm: taken from there when that subset is likely too (so made earlier in this loop).
        int zeroMask = 0;
        for (int i = 0; i < labs; i++) if (labWeight[i] == 0) zeroMask |= 1 << i;
        zeroMask &= awareMask;
        // One pass over the reached subsets, ascending: each likely one (the reached subsets are
        // the likely ones and the rest of the holders' rows) adds the outside term to its weight
        // and its term to E[ln D], in the ascending order of the likely subsets; then each weight,
        // final, is added to the total in the ascending order of the reached subsets.
        double surplus = 0;
        double total = 0;
        for (int j = 0; j < reachedCount; j++) {
            int m = reachedSubset[j];
            double p = prob[m];
            double x = weight[m];
            if (p != 0) {
                double d = denom[m];
                x += outsideMass * p / d;
                weight[m] = x;
                int base = m & ~zeroMask;
                double ln = base != m && prob[base] != 0 ? lnDenom[base] : log.apply(m, d);
                lnDenom[m] = ln;
                surplus += p * ln;
            }
            total += x;
        }
        expectedLnDenominator = surplus;
        outsideShare = total;
        // Each lab's share: each sum starts at 0 and adds its reached subsets in ascending order
        // (and +0 for the zero slot), four labs side by side.
        for (int b = 0; b < blockLength.length; b++) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int r0 = 4 * b * half, r1 = r0 + half, r2 = r1 + half, r3 = r2 + half;
            for (int k = 0, length = blockLength[b]; k < length; k++) {
                s0 += weight[reachedOf[r0 + k]];
                s1 += weight[reachedOf[r1 + k]];
                s2 += weight[reachedOf[r2 + k]];
                s3 += weight[reachedOf[r3 + k]];
            }
            int p = 4 * b;
            if (sumLab[p] >= 0) labShare[sumLab[p]] = s0;
            if (sumLab[p + 1] >= 0) labShare[sumLab[p + 1]] = s1;
            if (sumLab[p + 2] >= 0) labShare[sumLab[p + 2]] = s2;
            if (sumLab[p + 3] >= 0) labShare[sumLab[p + 3]] = s3;
        }
    }
}
