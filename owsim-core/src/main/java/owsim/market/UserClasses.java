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
        /**
     * Per class and distinct cap, [c * caps + k]: E[min(T, cap k) | class], read through
     * {@link #subTokens}, {@link #freeTokens} and {@link #proTokens} (labs with the same cap share it).
     */
    private final double[] capped;
    /** Per class: Pr(the class's usage bin) = Phi(zHi) - Phi(zLo), and Phi(zHi). */
    final double[] binProbability;
    final double[] phiHi;
    /** Per class: the usage at its bin's edges, tokens/month (0 and infinity at the ends). */
    final double[] usageLo;
    final double[] usageHi;

    /** Per segment: the median tokens per month in this table's month (grown by {@code usageGrowth}). */
    final double[] median;
    /** Per segment: the usage's log-sd, and median x exp(sigma^2 / 2) as {@link #describeUsage} rounds it (for a cap that moved, {@link #cappedTokens}). */
    private final double[] sigma;
    private final double[] medianTimesE;

    /**
     * What the usage moments read that does not move with the month, made once and shared by the
     * tables of every month: per class, phi(zLo), phi(zLo - sigma), phi(zHi - sigma), exp(sigma zLo)
     * and exp(sigma zHi); per lab, which of the distinct caps its subscription, free tier and pro
     * plan take (-1: none, the mean).
     */
    private final double[] phiLo;
    private final double[] phiLoShifted;
    private final double[] phiHiShifted;
    private final double[] expSigmaLo;
    private final double[] expSigmaHi;
    private final double[] distinctCaps;
    private final int[] subCap;
    private final int[] freeCap;
    private final int[] proCap;

    /** The classes of a scenario (already split into regions), with capped usage per lab of {@code s.labs()}, in month 0. */
    UserClasses(Scenario s) {
        this(s, 0, null);
    }

    /**
     * The classes in a month: with {@code usageGrowth} on, each segment's median tokens per month is
     * month 0's times {@link SegmentSpec#usageFactor}; the bins are the same quantiles of the
     * lognormal, so only the usage moments move. With {@code previous} (a table of the same
     * scenario; null: none) the classes and what does not move with the month are shared with it,
     * and a segment whose median is {@code previous}'s (no growth, or at its ceiling) takes its
     * classes' moments from it, bit for bit.
     */
    UserClasses(Scenario s, int month, UserClasses previous) {
        int segments = s.segments().size();
        int labs = s.labs().size();
        median = new double[segments];
        sigma = new double[segments];
        medianTimesE = new double[segments];
        boolean grows = s.mechanisms().usageGrowth();
        for (int g = 0; g < segments; g++) {
            SegmentSpec seg = s.segments().get(g);
            median[g] = grows ? seg.medianTokensPerMonth() * seg.usageFactor(month) : seg.medianTokensPerMonth();
            sigma[g] = seg.usageSigma();
            medianTimesE[g] = median[g] * Math.exp(sigma[g] * sigma[g] / 2);
        }
        if (previous == null) {
            List<double[]> rows = classRows(s);
            count = rows.size();
            segmentStart = segmentStart(rows, segments);
            segment = new int[count];
            bin = new int[count];
            hardware = new int[count];
            weight = new double[count];
            zLo = new double[count];
            zHi = new double[count];
            vram = new double[count];
            vramIndex = new int[count];
            vramSizes = vramSizes(rows);
            datacenter = new boolean[count];
            binProbability = new double[count];
            phiHi = new double[count];
            phiLo = new double[count];
            phiLoShifted = new double[count];
            phiHiShifted = new double[count];
            expSigmaLo = new double[count];
            expSigmaHi = new double[count];
            for (int c = 0; c < count; c++) describeClass(s, c, rows.get(c));
            boolean caps = s.mechanisms().subscriptionCaps();
            double[] capOf = new double[3 * labs];
            int distinct = 0;
            subCap = new int[labs];
            freeCap = new int[labs];
            proCap = new int[labs];
            for (int i = 0; i < labs; i++) {
                LabSpec l = s.labs().get(i);
                subCap[i] = l.subscription() == null || !caps ? -1 : distinct++;
                if (subCap[i] >= 0) capOf[subCap[i]] = l.subscription().monthlyTokenCap();
                freeCap[i] = l.freeTier() == null || !caps ? -1 : distinct++;
                if (freeCap[i] >= 0) capOf[freeCap[i]] = l.freeTier().monthlyTokenCap();
                proCap[i] = l.pro() == null || !caps ? -1 : distinct++;
                if (proCap[i] >= 0) capOf[proCap[i]] = l.pro().monthlyTokenCap();
            }
            distinctCaps = distinct(capOf, distinct, subCap, freeCap, proCap);
        } else {
            count = previous.count;
            segmentStart = previous.segmentStart;
            segment = previous.segment;
            bin = previous.bin;
            hardware = previous.hardware;
            weight = previous.weight;
            zLo = previous.zLo;
            zHi = previous.zHi;
            vram = previous.vram;
            vramIndex = previous.vramIndex;
            vramSizes = previous.vramSizes;
            datacenter = previous.datacenter;
            binProbability = previous.binProbability;
            phiHi = previous.phiHi;
            phiLo = previous.phiLo;
            phiLoShifted = previous.phiLoShifted;
            phiHiShifted = previous.phiHiShifted;
            expSigmaLo = previous.expSigmaLo;
            expSigmaHi = previous.expSigmaHi;
            distinctCaps = previous.distinctCaps;
            subCap = previous.subCap;
            freeCap = previous.freeCap;
            proCap = previous.proCap;
        }
        tokens = new double[count];
        capped = new double[count * distinctCaps.length];
        usageLo = new double[count];
        usageHi = new double[count];
        describeUsage(s, previous);
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

    /**
     * The caps {@code capOf[0..n)} without repeats (the same double, bit for bit, is one cap: the
     * capped mean is a function of it), the lab's indices in {@code index} moved to the kept one.
     */
    private static double[] distinct(double[] capOf, int n, int[]... index) {
        double[] kept = new double[n];
        int[] to = new int[n];
        int k = 0;
        for (int j = 0; j < n; j++) {
            int found = -1;
            for (int q = 0; q < k && found < 0; q++) if (Double.doubleToRawLongBits(kept[q]) == Double.doubleToRawLongBits(capOf[j])) found = q;
            if (found < 0) {
                kept[k] = capOf[j];
                found = k++;
            }
            to[j] = found;
        }
        for (int[] ix : index) for (int i = 0; i < ix.length; i++) if (ix[i] >= 0) ix[i] = to[ix[i]];
        return java.util.Arrays.copyOf(kept, k);
    }

    /**
     * Fills class c's entries that do not move with the month from its row (segment, usage bin,
     * VRAM, hardware share, data-centre flag, hardware index): weight, bin edges and their CDF
     * values, hardware.
     */
    private void describeClass(Scenario s, int c, double[] r) {
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
        double sig = seg.usageSigma();
        phiHi[c] = Lognormal.phi(zHi[c]);
        phiLo[c] = Lognormal.phi(zLo[c]);
        binProbability[c] = phiHi[c] - phiLo[c];
        phiLoShifted[c] = Lognormal.phi(zLo[c] - sig);
        phiHiShifted[c] = Lognormal.phi(zHi[c] - sig);
        expSigmaLo[c] = Math.exp(sig * zLo[c]);
        expSigmaHi[c] = Math.exp(sig * zHi[c]);
    }

    /**
     * Every class's usage moments in this table's month: mean and capped tokens per lab, usage at
     * the bin's edges. Classes of one segment and usage bin differ only in hardware: the class
     * before's moments; a segment whose median is {@code previous}'s: the class's there.
     */
    private void describeUsage(Scenario s, UserClasses previous) {
        int caps = distinctCaps.length;
        int lastSegment = -1;
        double medianTimesE = 0;
        for (int c = 0; c < count; c++) {
            int g = segment[c];
            int b = bin[c];
            if (c > 0 && segment[c - 1] == g && bin[c - 1] == b) {
                copyUsage(this, c - 1, c);
                continue;
            }
            if (previous != null && previous.median[g] == median[g]) {
                copyUsage(previous, c, c);
                continue;
            }
            double med = median[g];
            double sig = s.segments().get(g).usageSigma();
            if (g != lastSegment) {
                medianTimesE = med * Math.exp(sig * sig / 2);
                lastSegment = g;
            }
            double pBin = BIN_EDGES[b + 1] - BIN_EDGES[b];
            // Lognormal.partialMean and partialCappedMean of the slice, from its CDF values: the same doubles.
            tokens[c] = medianTimesE * (phiHiShifted[c] - phiLoShifted[c]) / pBin;
            for (int k = 0; k < caps; k++) {
                capped[c * caps + k] = Lognormal.partialCappedMean(med, medianTimesE, sig, zLo[c], zHi[c], phiLo[c], phiHi[c], phiLoShifted[c], phiHiShifted[c],
                    distinctCaps[k]) / pBin;
            }
            usageLo[c] = med * expSigmaLo[c];
            usageHi[c] = med * expSigmaHi[c];
        }
    }

    /** E[min(T, cap) | class c] for lab i's subscription (its mean without one, or without caps). */
    double subTokens(int c, int i) {
        int k = subCap[i];
        return k < 0 ? tokens[c] : capped[c * distinctCaps.length + k];
    }

    /**
     * E[min(T, cap) | class c] for lab i's subscription at cap {@code cap} (mechanism planPricing may
     * have moved it from the scenario's): {@link #subTokens(int, int)} at the scenario's cap, bit for
     * bit; the class's mean without caps.
     */
    double subTokens(int c, int i, double cap) {
        return tokensAtCap(c, subCap[i], cap);
    }

    /** {@link #subTokens(int, int, double)} for lab i's pro plan. */
    double proTokens(int c, int i, double cap) {
        return tokensAtCap(c, proCap[i], cap);
    }

    /**
     * E[min(T, cap) | class c] for a plan whose scenario cap is distinct cap k (negative: no cap): the table's value while
     * the cap is the scenario's, so a run without planPricing reads the same doubles as before it.
     */
    private double tokensAtCap(int c, int k, double cap) {
        return k < 0 ? tokens[c] : cap == distinctCaps[k] ? capped[c * distinctCaps.length + k] : cappedTokens(c, cap);
    }

    /** E[min(T, cap) | class c] at any cap, as {@link #describeUsage} computes it for the scenario's caps. */
    double cappedTokens(int c, double cap) {
        int g = segment[c];
        int b = bin[c];
        double pBin = BIN_EDGES[b + 1] - BIN_EDGES[b];
        return Lognormal.partialCappedMean(median[g], medianTimesE[g], sigma[g], zLo[c], zHi[c], phiLo[c], phiHi[c], phiLoShifted[c], phiHiShifted[c], cap) / pBin;
    }

    /** E[min(T, cap) | class c] for lab i's free tier (its mean without one, or without caps). */
    double freeTokens(int c, int i) {
        int k = freeCap[i];
        return k < 0 ? tokens[c] : capped[c * distinctCaps.length + k];
    }

    /** E[min(T, cap) | class c] for lab i's pro plan (its mean without one, or without caps). */
    double proTokens(int c, int i) {
        int k = proCap[i];
        return k < 0 ? tokens[c] : capped[c * distinctCaps.length + k];
    }

    /** Class {@code to}'s mean and capped tokens per lab and usage at its bin's edges are {@code from}'s class {@code c}'s. */
    private void copyUsage(UserClasses from, int c, int to) {
        tokens[to] = from.tokens[c];
        int caps = distinctCaps.length;
        System.arraycopy(from.capped, c * caps, capped, to * caps, caps);
        usageLo[to] = from.usageLo[c];
        usageHi[to] = from.usageHi[c];
    }
}
