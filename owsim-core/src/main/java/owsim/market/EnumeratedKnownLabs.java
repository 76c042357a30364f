package owsim.market;

import java.util.Arrays;

/**
 * {@link KnownLabsLogit} summed exactly over every subset of labs a member may know: 2^labs
 * denominators, and for each holder the 2^(labs-1) subsets that contain its lab. Two shortcuts,
 * exact in arithmetic, change only the rounding (by about 1e-15 relative, measured in
 * {@code EnumeratedKnownLabsTest} against the sums taken one at a time):
 * <ul>
 * <li>a lab the class is offered nothing by (weight 0) and that no holder holds adds +0 to every
 * denominator, so a subset with it and the subset without it have the same denominator: the sum
 * takes the pair as one subset of their summed probability (the lab's awareness set to 0), which
 * halves the subsets when the lab is only partly known; its share per unit weight is its
 * awareness times the total;</li>
 * <li>holders of one lab (a lab's options are listed together) walk its subsets together, up to
 * four at a time, with one division per subset for the group: the product of their denominators
 * is divided once, and each holder's term multiplies back the others' denominators.</li>
 * </ul>
 */
final class EnumeratedKnownLabs extends KnownLabsLogit {
    /**
     * The largest 1 + (summed weights) + (largest switching bonus) for which holders are grouped:
     * the product of four denominators then stays below 1e240, far from overflow, and each is at
     * least 1 (a holder's denominator holds 1 and its own option's weight times the switching
     * factor), so far from underflow. Beyond it (utilities above about 130) each holder divides alone.
     */
    private static final double GROUP_BOUND = 1e60;
    /** How many table sets (one per set of merged labs) are kept per awareness: a segment's classes take few. */
    private static final int TABLE_SLOTS = 4;

    private final int subsets;
    private final int half;
    /** For each lab i, the subsets (bit masks) that contain i, ascending: row i of 2^(labs-1) entries. */
    private final int[] knowing;
    private final double[] denom;
    private final double[] weight;
    /**
     * Up to this many labs, ln D is taken through {@link #log}, which keeps each subset's last
     * denominator and its logarithm: consecutive classes of a small world often repeat a subset's
     * denominator (the default world's four labs). With more labs few repeat, and the table
     * logarithm alone is the faster (BENCHMARKS.md). Either way the same double.
     */
    private static final int CACHED_LOG_MAX_LABS = 4;
    /** ln of each subset's denominator as last taken, for worlds of up to {@link #CACHED_LOG_MAX_LABS} labs. */
    private final LastValueCache log;
    /** The sum of the holders' terms of the last solve (the holders' part of the total). */
    private double holdersTotal;
    /** Scratch of {@link Tables#listReached}: which subsets a solve can weigh (kept, as awareness is set for every class and month). */
    private final boolean[] reached;
    private final int zeroSlot;
    private final int sumRows;
    /** Scratch of {@link Tables#listReached}: how many reached subsets contain each lab. */
    private final int[] reachedOfCount;
    /** The awareness last set, and the scratch of it with the merged labs' set to 0. */
    private final double[] known;
    private final double[] effective;
    /** The table sets made since the awareness was last set, by their merged labs (one bit each). */
    private final Tables[] tables;
    private final int[] tablesMerged;
    private int tablesMade;
    private int nextSlot;
    /** Table sets made so far: each set is stamped with its number when made, so a set made again in the same slot is told apart. */
    private long tablesStamp;
    /**
     * What the last solve's E[ln D] was taken over: the stamp of its table set (0: none yet) and the
     * lab weights, bit for bit. E[ln D] reads only the probabilities of the likely subsets and their
     * denominators (1 plus the weights of the labs in them), so a solve with the same two takes the
     * same double without its logarithms: a fifth of the default world's solves, classes of a
     * segment priced alike (usage bins under every cap, hardware no lab serves).
     */
    private long surplusStamp;
    private final double[] surplusWeight;

    /**
     * What a solve reads that depends on awareness and the merged labs alone: the probabilities,
     * the terms the sums keep and the lists of subsets a solve can weigh.
     */
    private final class Tables {
        /** Probability of each subset. */
        final double[] prob = new double[subsets];
        /**
         * The terms the sums keep: where a segment cannot know a lab (a region it is not offered
         * in, or a merged lab), half of the subsets have probability 0 and add nothing, so the
         * loops walk only the rest, in the same ascending order. Per lab i, row i: how many of its
         * subsets have a conditional probability above 0, those subsets and their probabilities.
         */
        final int[] heldCount = new int[labs];
        final int[] heldSubset = new int[labs * half];
        final double[] heldCond = new double[labs * half];
        /** The labs a member may know (awareness above 0, merged labs left out), one bit each. */
        int awareMask;
        /** The likely subsets (probability above 0), ascending. */
        final int[] likely = new int[subsets];
        int likelyCount;
        /**
         * The sums of the outputs, laid out so that a solve adds four of them side by side (four
         * independent chains of additions instead of one after another). The labs are taken in
         * order of how many reached subsets contain them, most first, four to a block (the last
         * block filled up with empty rows): position p holds lab {@link #sumLab}[p] (-1: none) and
         * row p of 2^(labs-1) entries, the reached subsets that contain that lab, ascending; block
         * b is summed over {@link #blockLength}[b] steps. The rows are filled up with
         * {@link #zeroSlot}, a weight that is always +0: adding it leaves a sum the same double.
         */
        final int[] reachedOf = new int[sumRows * half];
        final int[] sumLab = new int[sumRows];
        final int[] blockLength = new int[sumRows / 4];
        /** This set's number among those made ({@link #tablesStamp}), set when it is made. */
        long stamp;

        /** Makes the tables for awareness {@code known} (the merged labs' set to 0). */
        void make(double[] known) {
            stamp = ++tablesStamp;
            // P(subset m) is the product over labs i = 0, 1, ... of a_i or 1 - a_i, multiplied in
            // that order starting from 1, built a lab at a time (the subsets of labs below i, then
            // lab i known or not): 2^(labs+1) multiplications instead of labs x 2^labs.
            prob[0] = 1;
            for (int i = 0, size = 1; i < labs; i++, size <<= 1) {
                double a = known[i];
                for (int m = 0; m < size; m++) {
                    double p = prob[m];
                    prob[m | size] = p * a;
                    prob[m] = p * (1 - a);
                }
            }
            awareMask = 0;
            for (int i = 0; i < labs; i++) if (known[i] > 0) awareMask |= 1 << i;
            // Row i: the probability of each subset that contains lab i given that i is known, the
            // product over the other labs j = 0, 1, ... of a_j or 1 - a_j, multiplied in that order
            // starting from 1, built a lab at a time as prob is; only those above 0 are kept. A lab
            // j with a_j exactly 0 multiplies the subsets without it by 1 - a_j = 1, which leaves
            // every product the same double, and makes the subsets with it 0 (with a_j and the rest
            // of the factors in [0, 1], so finite), which are not kept: so its factor is left out and
            // the row is built over the other labs only, half the products for each such lab (a
            // region's segments know none of the labs not offered there). Awareness outside [0, 1]
            // (NaN) takes every lab's factor. Each row is built in its own part of the held rows
            // (the r-th product is that of r's bits spread over the labs taken, ascending, so the
            // subsets come in ascending order) and what is kept moved down in place, without a
            // branch per entry (which are kept follows no pattern a branch predicts).
            int taken = (1 << labs) - 1;
            for (int i = 0; i < labs; i++) if (known[i] == 0) taken &= ~(1 << i);
            for (int i = 0; i < labs; i++) if (!(known[i] >= 0 && known[i] <= 1)) taken = (1 << labs) - 1;
            for (int i = 0; i < labs; i++) {
                int base = i * half;
                heldCond[base] = 1;
                heldSubset[base] = 1 << i;
                int size = 1;
                for (int rest = taken & ~(1 << i); rest != 0; rest &= rest - 1) {
                    int j = Integer.numberOfTrailingZeros(rest);
                    double a = known[j];
                    for (int r = 0; r < size; r++) {
                        double q = heldCond[base + r];
                        heldCond[base + r + size] = q * a;
                        heldCond[base + r] = q * (1 - a);
                        heldSubset[base + r + size] = heldSubset[base + r] | 1 << j;
                    }
                    size <<= 1;
                }
                int n = base;
                for (int k = base, end = base + size; k < end; k++) {
                    double c = heldCond[k];
                    heldSubset[n] = heldSubset[k];
                    heldCond[n] = c;
                    n += c != 0 ? 1 : 0;
                }
                heldCount[i] = n - base;
            }
            listReached();
        }

        /**
         * Lists the subsets whose weight a solve can make other than 0 (the reached ones: the likely
         * ones, of probability above 0, and those of the rows above), after the rows of terms. The
         * others keep their weight +0, which leaves a sum of weights unchanged (a sum of them is
         * never -0), so the sums of the outputs read only the reached ones.
         */
        private void listReached() {
            // The likely subsets (probability above 0), then the holders' rows.
            int likelyFound = 0;
            for (int m = 0; m < subsets; m++) {
                reached[m] = prob[m] != 0;
                likely[likelyFound] = m;
                likelyFound += reached[m] ? 1 : 0;
            }
            likelyCount = likelyFound;
            for (int i = 0; i < labs; i++) {
                for (int k = i * half, end = k + heldCount[i]; k < end; k++) reached[heldSubset[k]] = true;
            }
            // Each lab's reached subsets, ascending; the labs ordered by how many, most first (ties
            // by lab); each position's row filled up with the zero slot to its block's length.
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
    }

    EnumeratedKnownLabs(int labs, int maxHolders) {
        super(labs, maxHolders);
        if (labs > 20) throw new IllegalArgumentException("labs: the subset sum takes at most 20 labs, was " + labs);
        subsets = 1 << labs;
        half = subsets >> 1;
        knowing = subsetsKnowing(labs);
        denom = new double[subsets];
        weight = new double[subsets + 1];   // the last: the zero slot, never written
        reached = new boolean[subsets];
        log = labs <= CACHED_LOG_MAX_LABS ? new LastValueCache(subsets, Ln::of) : null;
        zeroSlot = subsets;
        sumRows = (labs + 3) & ~3;
        reachedOfCount = new int[labs];
        known = new double[labs];
        effective = new double[labs];
        surplusWeight = new double[labs];
        // Up to 10 labs (the tables of 4 sets take under 200 kB); beyond, one set.
        tables = new Tables[labs <= EXACT_MAX_LABS ? TABLE_SLOTS : 1];
        tablesMerged = new int[tables.length];
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
        System.arraycopy(known, 0, this.known, 0, labs);
        tablesMade = 0;
        nextSlot = 0;
    }

    /** The tables for the labs merged (one bit each), made if not kept since the awareness was set. */
    private Tables tables(int merged) {
        for (int j = 0; j < tablesMade; j++) if (tablesMerged[j] == merged) return tables[j];
        int slot;
        if (tablesMade < tables.length) {
            slot = tablesMade++;
        } else {
            slot = nextSlot;
            nextSlot = (nextSlot + 1) % tables.length;
        }
        if (tables[slot] == null) tables[slot] = new Tables();
        for (int i = 0; i < labs; i++) effective[i] = (merged >> i & 1) != 0 ? 0 : known[i];
        tables[slot].make(effective);
        tablesMerged[slot] = merged;
        return tables[slot];
    }

    /** The probability of subset m set by the last {@link #awareness}, no lab merged (for tests). */
    double subsetProbability(int m) {
        return tables(0).prob[m];
    }

    /**
     * The probability of the r-th subset (ascending) that contains lab i, given that i is known, no
     * lab merged, as the held rows keep it (0 if they do not keep it; for tests).
     */
    double givenKnown(int i, int r) {
        Tables t = tables(0);
        int m = knowing[i * half + r];
        for (int k = i * half, end = k + t.heldCount[i]; k < end; k++) if (t.heldSubset[k] == m) return t.heldCond[k];
        return 0;
    }

    @Override void solve() {
        int held = 0;
        for (int h = 0; h < holders; h++) held |= 1 << holderLab[h];
        // The labs merged: offering the class nothing, known by some members and held by nobody.
        int merged = 0;
        for (int i = 0; i < labs; i++) if (labWeight[i] == 0 && known[i] > 0 && (held >> i & 1) == 0) merged |= 1 << i;
        Tables t = tables(merged);
        double[] prob = t.prob;
        int[] heldCount = t.heldCount;
        int[] heldSubset = t.heldSubset;
        double[] heldCond = t.heldCond;
        // The denominators a solve reads are those of subsets of the labs a member may know or a
        // holder knows (the likely subsets, and the rows of the holders' labs): only those are
        // made, each from the subset without its lowest lab (also one of them), in ascending
        // order. A lab no member of the segment can know and nobody holds (a region it does not
        // serve), or a merged lab, halves them.
        int used = t.awareMask | held;
        denom[0] = 1;
        for (int m = used & -used; m != 0; m = (m - used) & used) {
            int low = Integer.numberOfTrailingZeros(m);
            denom[m] = denom[m & (m - 1)] + labWeight[low];
        }
        // Only the reached subsets are written and read below, after they are set to 0 here: all
        // subsets are, in one pass over the array (the zero slot after them is never written).
        Arrays.fill(weight, 0, subsets, 0);
        double bound = 1;
        for (int i = 0; i < labs; i++) bound += labWeight[i];
        double largestExtra = 0;
        for (int h = 0; h < holders; h++) largestExtra = Math.max(largestExtra, holderExtra[h]);
        // NaN or infinite inputs fail the test too, and go one holder at a time.
        boolean grouped = bound + largestExtra <= GROUP_BOUND;
        holdersTotal = 0;
        for (int h = 0; h < holders; ) {
            int i = holderLab[h];
            int n = 1;
            if (grouped) while (n < 4 && h + n < holders && holderLab[h + n] == i) n++;
            int start = i * half;
            int end = start + heldCount[i];
            switch (n) {
                case 1 -> one(h, start, end, heldSubset, heldCond);
                case 2 -> two(h, start, end, heldSubset, heldCond);
                case 3 -> three(h, start, end, heldSubset, heldCond);
                default -> four(h, start, end, heldSubset, heldCond);
            }
            h += n;
        }
        // The likely subsets (probability above 0): each adds the outside term to its weight and its
        // term to E[ln D]. The total is the sum of every term added to a weight.
        double outside = 0;
        int[] likely = t.likely;
        if (t.stamp == surplusStamp && Arrays.equals(labWeight, surplusWeight)) {
            // The tables and weights of the last solve: its E[ln D] (the same terms in the same order).
            for (int j = 0, n = t.likelyCount; j < n; j++) {
                int m = likely[j];
                double x = outsideMass * prob[m] / denom[m];
                weight[m] += x;
                outside += x;
            }
        } else {
            double surplus = 0;
            LastValueCache lnCache = log;
            for (int j = 0, n = t.likelyCount; j < n; j++) {
                int m = likely[j];
                double p = prob[m];
                double d = denom[m];
                double x = outsideMass * p / d;
                weight[m] += x;
                outside += x;
                surplus += p * (lnCache != null ? lnCache.apply(m, d) : Ln.of(d));
            }
            expectedLnDenominator = surplus;
            surplusStamp = t.stamp;
            System.arraycopy(labWeight, 0, surplusWeight, 0, labs);
        }
        outsideShare = outside + holdersTotal;
        // Each lab's share: each sum starts at 0 and adds its reached subsets in ascending order
        // (and +0 for the zero slot), four labs side by side.
        int[] reachedOf = t.reachedOf;
        int[] sumLab = t.sumLab;
        int[] blockLength = t.blockLength;
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
        // A merged lab is known independently of the subset of the others: its subsets hold the
        // share of its awareness of every merged subset's weight.
        for (int i = 0; i < labs; i++) if ((merged >> i & 1) != 0) labShare[i] = known[i] * outsideShare;
    }

    // The holders' loops: the subsets that contain lab i and may be known, ascending (the hot loop
    // of a run: holders x subsets x classes x months). Each subset's weight adds the group's terms
    // in holder order; each holder's kept share is its switching bonus times the sum of its terms.

    private void one(int h, int start, int end, int[] heldSubset, double[] heldCond) {
        double mass = holderMass[h];
        double extra = holderExtra[h];
        double sum = 0;
        for (int k = start; k < end; k++) {
            int m = heldSubset[k];
            double x = mass * heldCond[k] / (denom[m] + extra);
            weight[m] += x;
            sum += x;
        }
        holderKept[h] = sum * extra;
        holdersTotal += sum;
    }

    private void two(int h, int start, int end, int[] heldSubset, double[] heldCond) {
        double mass1 = holderMass[h], mass2 = holderMass[h + 1];
        double extra1 = holderExtra[h], extra2 = holderExtra[h + 1];
        double sum1 = 0, sum2 = 0;
        for (int k = start; k < end; k++) {
            int m = heldSubset[k];
            double d = denom[m];
            double d1 = d + extra1, d2 = d + extra2;
            double q = heldCond[k] / (d1 * d2);
            double x1 = mass1 * q * d2;
            double x2 = mass2 * q * d1;
            weight[m] = weight[m] + x1 + x2;
            sum1 += x1;
            sum2 += x2;
        }
        holderKept[h] = sum1 * extra1;
        holderKept[h + 1] = sum2 * extra2;
        holdersTotal += sum1 + sum2;
    }

    private void three(int h, int start, int end, int[] heldSubset, double[] heldCond) {
        double mass1 = holderMass[h], mass2 = holderMass[h + 1], mass3 = holderMass[h + 2];
        double extra1 = holderExtra[h], extra2 = holderExtra[h + 1], extra3 = holderExtra[h + 2];
        double sum1 = 0, sum2 = 0, sum3 = 0;
        for (int k = start; k < end; k++) {
            int m = heldSubset[k];
            double d = denom[m];
            double d1 = d + extra1, d2 = d + extra2, d3 = d + extra3;
            double d12 = d1 * d2;
            double q = heldCond[k] / (d12 * d3);
            double x1 = mass1 * q * (d2 * d3);
            double x2 = mass2 * q * (d1 * d3);
            double x3 = mass3 * q * d12;
            weight[m] = weight[m] + x1 + x2 + x3;
            sum1 += x1;
            sum2 += x2;
            sum3 += x3;
        }
        holderKept[h] = sum1 * extra1;
        holderKept[h + 1] = sum2 * extra2;
        holderKept[h + 2] = sum3 * extra3;
        holdersTotal += sum1 + sum2 + sum3;
    }

    private void four(int h, int start, int end, int[] heldSubset, double[] heldCond) {
        double mass1 = holderMass[h], mass2 = holderMass[h + 1], mass3 = holderMass[h + 2], mass4 = holderMass[h + 3];
        double extra1 = holderExtra[h], extra2 = holderExtra[h + 1], extra3 = holderExtra[h + 2], extra4 = holderExtra[h + 3];
        double sum1 = 0, sum2 = 0, sum3 = 0, sum4 = 0;
        for (int k = start; k < end; k++) {
            int m = heldSubset[k];
            double d = denom[m];
            double d1 = d + extra1, d2 = d + extra2, d3 = d + extra3, d4 = d + extra4;
            double d12 = d1 * d2, d34 = d3 * d4;
            double q = heldCond[k] / (d12 * d34);
            double x1 = mass1 * q * (d2 * d34);
            double x2 = mass2 * q * (d1 * d34);
            double x3 = mass3 * q * (d4 * d12);
            double x4 = mass4 * q * (d3 * d12);
            weight[m] = weight[m] + x1 + x2 + x3 + x4;
            sum1 += x1;
            sum2 += x2;
            sum3 += x3;
            sum4 += x4;
        }
        holderKept[h] = sum1 * extra1;
        holderKept[h + 1] = sum2 * extra2;
        holderKept[h + 2] = sum3 * extra3;
        holderKept[h + 3] = sum4 * extra4;
        holdersTotal += sum1 + sum2 + sum3 + sum4;
    }
}
