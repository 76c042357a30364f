package owsim.market;

import java.util.ArrayList;
import java.util.List;
import owsim.random.Lognormal;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;
import owsim.scenario.SegmentSpec;
import owsim.scenario.VramShare;

/**
 * The user classes of a run: each segment split into usage bins and hardware classes, with their
 * closed-form usage moments. Classes are made segment by segment, so a segment's classes are
 * consecutive. Filled once when the {@link World} is built and never written after; the arrays
 * are read as fields, not through getters, because the monthly steps read them for every class
 * in their hot loops.
 */
final class UserClasses {
    /** Usage bins: quantiles of the lognormal (fine in the tail, where subscriptions lose money). */
    static final double[] BIN_EDGES = {0, 0.3, 0.6, 0.8, 0.9, 0.95, 0.99, 1};

    /** How many classes there are. */
    final int count;
    /** Per class: its segment. */
    final int[] segment;
    /** Segment g's classes are {@code segmentStart[g]} to {@code segmentStart[g + 1] - 1}. */
    final int[] segmentStart;
    /** Usage bin of each class (index into {@link #BIN_EDGES}) and its entry in the segment's hardware list (VRAM classes, then the rest). */
    final int[] bin;
    final int[] hardware;
    /** Per class: its share of its segment's population. */
    final double[] weight;
    /** Per class: its mean usage, tokens/month. */
    final double[] tokens;
    /** Per class: its bin's edges as standard normal quantiles. */
    final double[] zLo;
    final double[] zHi;
    /** Per class: the VRAM of its card, GB (0 for none). */
    final double[] vram;
    /** Index of the class's card size in {@link #vramSizes}, or -1. */
    final int[] vramIndex;
    /** The distinct card sizes of the classes, GB, ascending. */
    final double[] vramSizes;
    /** Per class: whether it rents data-centre hardware to self-host. */
    final boolean[] datacenter;
    /** Per class and lab, [c * labs + i]: E[min(T, cap) | class] for the subscription and the free tier. */
    final double[] subTokens;
    final double[] freeTokens;
    /** Per class and lab, [c * labs + i]: E[min(T, cap) | class] for the lab's pro plan (the mean usage without one). */
    final double[] proTokens;
    /** Per class: Pr(the class's usage bin) = Phi(zHi) - Phi(zLo), and Phi(zHi). */
    final double[] binProbability;
    final double[] phiHi;
    /** Per class: the usage at its bin's edges, tokens/month (0 and infinity at the ends). */
    final double[] usageLo;
    final double[] usageHi;

    /** Per segment: the median tokens per month in this table's month (grown by {@code usageGrowth}). */
    final double[] median;

    /** The classes of a scenario (already split into regions), with capped usage per lab of {@code s.labs()}, in month 0. */
    UserClasses(Scenario s) {
        this(s, 0, null);
    }

    /**
     * The classes in a month: with {@code usageGrowth} on, each segment's median tokens per month is
     * month 0's times {@link SegmentSpec#usageFactor}; the bins are the same quantiles of the
     * lognormal, so only the usage moments move. A segment whose median is {@code previous}'s (no
     * growth, or at its ceiling) takes its classes' moments from {@code previous} (null: none), bit for bit.
     */
    UserClasses(Scenario s, int month, UserClasses previous) {
        int segments = s.segments().size();
        int labs = s.labs().size();
        List<double[]> rows = classRows(s);
        count = rows.size();
        segmentStart = segmentStart(rows, segments);
        segment = new int[count];
        bin = new int[count];
        hardware = new int[count];
        weight = new double[count];
        tokens = new double[count];
        zLo = new double[count];
        zHi = new double[count];
        vram = new double[count];
        vramIndex = new int[count];
        vramSizes = vramSizes(rows);
        datacenter = new boolean[count];
        subTokens = new double[count * labs];
        freeTokens = new double[count * labs];
        proTokens = new double[count * labs];
        binProbability = new double[count];
        phiHi = new double[count];
        usageLo = new double[count];
        usageHi = new double[count];
        median = new double[segments];
        boolean grows = s.mechanisms().usageGrowth();
        for (int g = 0; g < segments; g++) {
            SegmentSpec seg = s.segments().get(g);
            median[g] = grows ? seg.medianTokensPerMonth() * seg.usageFactor(month) : seg.medianTokensPerMonth();
        }
        describeClasses(s, rows, labs, previous);
    }

    /** One row per user class, segment by segment: segment, usage bin, VRAM, hardware share, data-centre flag, hardware index. */
    private static List<double[]> classRows(Scenario s) {
        List<double[]> rows = new ArrayList<>();
        for (int g = 0; g < s.segments().size(); g++) {
            SegmentSpec seg = s.segments().get(g);
            List<double[]> hw = new ArrayList<>();
            double hwShare = 0;
            for (VramShare v : seg.vram()) {
                hw.add(new double[] {v.vramGB(), v.share(), 0});
                hwShare += v.share();
            }
            if (seg.datacenterHardware() != null) hw.add(new double[] {0, 1 - hwShare, 1});
            else if (hwShare < 1 - 1e-12) hw.add(new double[] {0, 1 - hwShare, 0});
            for (int b = 0; b + 1 < BIN_EDGES.length; b++) {
                for (int k = 0; k < hw.size(); k++) {
                    double[] h = hw.get(k);
                    if (h[1] <= 0) continue;
                    rows.add(new double[] {g, b, h[0], h[1], h[2], k});
                }
            }
        }
        return rows;
    }

    private static int[] segmentStart(List<double[]> rows, int segments) {
        int[] start = new int[segments + 1];
        for (double[] r : rows) start[(int) r[0] + 1]++;
        for (int g = 0; g < segments; g++) start[g + 1] += start[g];
        return start;
    }

    /** The distinct card sizes of the classes, ascending. */
    private static double[] vramSizes(List<double[]> rows) {
        java.util.TreeSet<Double> sizes = new java.util.TreeSet<>();
        for (double[] r : rows) if (r[2] > 0) sizes.add(r[2]);
        return sizes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Every class's entries ({@link #describeClass}), then its bin's probability and usage at the bin's edges. */
    private void describeClasses(Scenario s, List<double[]> rows, int labs, UserClasses previous) {
        for (int c = 0; c < count; c++) describeClass(s, c, rows.get(c), labs, previous);
        for (int c = 0; c < count; c++) {
            phiHi[c] = Lognormal.phi(zHi[c]);
            binProbability[c] = phiHi[c] - Lognormal.phi(zLo[c]);
            SegmentSpec seg = s.segments().get(segment[c]);
            usageLo[c] = median[segment[c]] * Math.exp(seg.usageSigma() * zLo[c]);
            usageHi[c] = median[segment[c]] * Math.exp(seg.usageSigma() * zHi[c]);
        }
    }

    /**
     * Fills class c's entries from its row (segment, usage bin, VRAM, hardware share, data-centre
     * flag, hardware index): weight, bin edges, mean tokens and capped tokens per lab.
     */
    private void describeClass(Scenario s, int c, double[] r, int labs, UserClasses previous) {
        int g = (int) r[0];
        int b = (int) r[1];
        SegmentSpec seg = s.segments().get(g);
        double pBin = BIN_EDGES[b + 1] - BIN_EDGES[b];
        segment[c] = g;
        bin[c] = b;
        hardware[c] = (int) r[5];
        weight[c] = pBin * r[3];
        zLo[c] = Lognormal.quantile(BIN_EDGES[b]);
        zHi[c] = Lognormal.quantile(BIN_EDGES[b + 1]);
        vram[c] = r[2];
        vramIndex[c] = java.util.Arrays.binarySearch(vramSizes, r[2]);
        if (r[2] <= 0) vramIndex[c] = -1;
        datacenter[c] = r[4] > 0;
        if (c > 0 && segment[c - 1] == g && bin[c - 1] == b) {
            // Classes of one segment and usage bin differ only in hardware: the same usage moments, bit for bit.
            copyUsage(this, c - 1, c, labs);
            return;
        }
        if (previous != null && previous.median[g] == median[g]) {
            copyUsage(previous, c, c, labs);
            return;
        }
        double med = median[g];
        double sig = seg.usageSigma();
        tokens[c] = Lognormal.partialMean(med, sig, zLo[c], zHi[c]) / pBin;
        boolean caps = s.mechanisms().subscriptionCaps();
        for (int i = 0; i < labs; i++) {
            LabSpec l = s.labs().get(i);
            subTokens[c * labs + i] = l.subscription() == null || !caps ? tokens[c]
                : Lognormal.partialCappedMean(med, sig, zLo[c], zHi[c], l.subscription().monthlyTokenCap()) / pBin;
            freeTokens[c * labs + i] = l.freeTier() == null || !caps ? tokens[c]
                : Lognormal.partialCappedMean(med, sig, zLo[c], zHi[c], l.freeTier().monthlyTokenCap()) / pBin;
            proTokens[c * labs + i] = l.pro() == null || !caps ? tokens[c]
                : Lognormal.partialCappedMean(med, sig, zLo[c], zHi[c], l.pro().monthlyTokenCap()) / pBin;
        }
    }

    /** Class {@code to}'s mean and capped tokens per lab are {@code from}'s class {@code c}'s. */
    private void copyUsage(UserClasses from, int c, int to, int labs) {
        tokens[to] = from.tokens[c];
        System.arraycopy(from.subTokens, c * labs, subTokens, to * labs, labs);
        System.arraycopy(from.freeTokens, c * labs, freeTokens, to * labs, labs);
        System.arraycopy(from.proTokens, c * labs, proTokens, to * labs, labs);
    }
}
