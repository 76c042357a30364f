package owsim.experiment.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Patient Rule Induction Method (Friedman and Fisher 1999, Statistics and Computing 9:123),
 * as scenario discovery uses it (Bryant and Lempert 2010, Technol. Forecast. Soc. Change 77:34;
 * the EMA workbench and sdtoolkit): starting from the box holding every point, <b>peeling</b>
 * repeatedly removes the {@code peelAlpha} share of the box's points at one end of one parameter,
 * the end whose removal leaves the highest share of cases of interest (density), until the box
 * holds less than {@code minMass} of all points or only cases of interest. Each step is a box of
 * the trajectory, trading coverage (the share of all cases of interest still inside) for density.
 * The chosen box is then <b>pasted</b>: a limit is moved back out by {@code pasteAlpha} of the
 * box's points while that raises the density. Last, as the EMA workbench's box inspection does by
 * hand, the box is <b>pruned</b> ({@link #prune}): limits that barely raise its density, or whose
 * lift chance gives often (the quasi-p value of {@link #restrictions}), are removed one at a time,
 * so that the box names only the parameters that matter (peeling on a few hundred points otherwise
 * leaves many limits that each cut a world or two).
 *
 * <p>Deterministic: ties go to the larger box, then to the lower parameter index, then to the low end.
 */
public final class Prim {
    private final double peelAlpha;
    private final double pasteAlpha;
    private final double minMass;

    /** The EMA workbench's defaults: peel and paste 5 % at a time, stop below 5 % of the points. */
    public Prim() {
        this(0.05, 0.05, 0.05);
    }

    public Prim(double peelAlpha, double pasteAlpha, double minMass) {
        if (!(peelAlpha > 0 && peelAlpha < 0.5)) throw new IllegalArgumentException("peelAlpha must be in (0, 0.5), was " + peelAlpha);
        if (!(pasteAlpha > 0 && pasteAlpha < 0.5)) throw new IllegalArgumentException("pasteAlpha must be in (0, 0.5), was " + pasteAlpha);
        if (!(minMass > 0 && minMass < 1)) throw new IllegalArgumentException("minMass must be in (0, 1), was " + minMass);
        this.peelAlpha = peelAlpha;
        this.pasteAlpha = pasteAlpha;
        this.minMass = minMass;
    }

    /**
     * The peeling trajectory, widest box (every point) first.
     *
     * @param columns one array of n values per parameter
     * @param interest per point, whether it is a case of interest
     */
    public List<PrimBox> peel(double[][] columns, boolean[] interest) {
        int n = check(columns, interest);
        int k = columns.length;
        double[] min = new double[k];
        double[] max = new double[k];
        for (int j = 0; j < k; j++) {
            min[j] = Arrays.stream(columns[j]).min().orElse(0);
            max[j] = Arrays.stream(columns[j]).max().orElse(0);
        }
        int positives = 0;
        for (boolean b : interest) if (b) positives++;
        double[] lo = min.clone();
        double[] hi = max.clone();
        List<PrimBox> trajectory = new ArrayList<>();
        trajectory.add(box(columns, interest, lo, hi, min, max, positives, n));
        while (true) {
            PrimBox current = trajectory.get(trajectory.size() - 1);
            if (current.density() >= 1 || current.coverage() == 0) break;
            double bestDensity = -1;
            int bestInside = -1;
            double[] bestLo = null;
            double[] bestHi = null;
            for (int j = 0; j < k; j++) {
                double[] vals = inside(columns, j, lo, hi);
                Arrays.sort(vals);
                int m = vals.length;
                int cut = Math.max(1, (int) Math.floor(peelAlpha * m));
                for (int side = 0; side < 2; side++) {
                    double[] nlo = lo.clone();
                    double[] nhi = hi.clone();
                    if (side == 0) {
                        double limit = vals[cut - 1];
                        int first = upper(vals, limit);
                        if (first >= m) continue;
                        nlo[j] = vals[first];
                    } else {
                        double limit = vals[m - cut];
                        int last = lower(vals, limit) - 1;
                        if (last < 0) continue;
                        nhi[j] = vals[last];
                    }
                    int[] counts = count(columns, interest, nlo, nhi);
                    if (counts[0] < minMass * n) continue;
                    double density = (double) counts[1] / counts[0];
                    if (density > bestDensity || (density == bestDensity && counts[0] > bestInside)) {
                        bestDensity = density;
                        bestInside = counts[0];
                        bestLo = nlo;
                        bestHi = nhi;
                    }
                }
            }
            if (bestLo == null) break;
            lo = bestLo;
            hi = bestHi;
            trajectory.add(box(columns, interest, lo, hi, min, max, positives, n));
        }
        return trajectory;
    }

    /**
     * The box of the trajectory with the highest density among those covering at least
     * {@code minCoverage} of the cases of interest (ties: the higher coverage), then pasted.
     */
    public PrimBox find(double[][] columns, boolean[] interest, double minCoverage) {
        List<PrimBox> trajectory = peel(columns, interest);
        return paste(columns, interest, select(trajectory, minCoverage));
    }

    /** The trajectory's box with the highest density whose coverage is at least {@code minCoverage}. */
    public static PrimBox select(List<PrimBox> trajectory, double minCoverage) {
        PrimBox best = trajectory.get(0);
        for (PrimBox b : trajectory) {
            if (b.coverage() < minCoverage) continue;
            if (b.density() > best.density() || (b.density() == best.density() && b.coverage() > best.coverage())) best = b;
        }
        return best;
    }

    /** Moves the box's limits back out while that raises its density (Friedman and Fisher's pasting). */
    public PrimBox paste(double[][] columns, boolean[] interest, PrimBox start) {
        int n = check(columns, interest);
        int k = columns.length;
        double[] min = new double[k];
        double[] max = new double[k];
        for (int j = 0; j < k; j++) {
            min[j] = Arrays.stream(columns[j]).min().orElse(0);
            max[j] = Arrays.stream(columns[j]).max().orElse(0);
        }
        int positives = 0;
        for (boolean b : interest) if (b) positives++;
        double[] lo = start.low().clone();
        double[] hi = start.high().clone();
        PrimBox current = box(columns, interest, lo, hi, min, max, positives, n);
        while (true) {
            int inBox = count(columns, interest, lo, hi)[0];
            int step = Math.max(1, (int) Math.floor(pasteAlpha * inBox));
            double bestDensity = current.density();
            double[] bestLo = null;
            double[] bestHi = null;
            for (int j = 0; j < k; j++) {
                double[] out = outsideAlong(columns, j, lo, hi);
                for (int side = 0; side < 2; side++) {
                    double[] candidates = side == 0 ? below(out, lo[j]) : above(out, hi[j]);
                    if (candidates.length == 0) continue;
                    double[] nlo = lo.clone();
                    double[] nhi = hi.clone();
                    if (side == 0) nlo[j] = candidates[Math.max(0, candidates.length - step)];
                    else nhi[j] = candidates[Math.min(candidates.length - 1, step - 1)];
                    int[] counts = count(columns, interest, nlo, nhi);
                    double density = (double) counts[1] / counts[0];
                    if (density > bestDensity) {
                        bestDensity = density;
                        bestLo = nlo;
                        bestHi = nhi;
                    }
                }
            }
            if (bestLo == null) return current;
            lo = bestLo;
            hi = bestHi;
            current = box(columns, interest, lo, hi, min, max, positives, n);
        }
    }

    /** The box with these limits (inclusive), with its coverage, density and mass in these points. */
    public static PrimBox box(double[][] columns, boolean[] interest, double[] lo, double[] hi) {
        int n = check(columns, interest);
        if (lo.length != columns.length || hi.length != columns.length) throw new IllegalArgumentException("every parameter needs a lower and an upper limit");
        return box(columns, interest, lo, hi, mins(columns), maxs(columns), positives(interest), n);
    }

    /**
     * Each parameter the box restricts, in the parameters' order, with the box's density and
     * coverage when that one restriction is removed and its quasi-p value (as the EMA workbench's
     * box inspection reports them).
     */
    public static List<PrimRestriction> restrictions(double[][] columns, boolean[] interest, PrimBox box) {
        check(columns, interest);
        double[] min = mins(columns);
        double[] max = maxs(columns);
        int positives = positives(interest);
        int[] in = count(columns, interest, box.low(), box.high());
        List<PrimRestriction> out = new ArrayList<>();
        if (in[0] == 0) return out;
        double density = (double) in[1] / in[0];
        boolean[] restricted = box.restricted();
        for (int j = 0; j < columns.length; j++) {
            if (!restricted[j]) continue;
            double[] lo = box.low().clone();
            double[] hi = box.high().clone();
            lo[j] = min[j];
            hi[j] = max[j];
            int[] w = count(columns, interest, lo, hi);
            double without = (double) w[1] / w[0];
            out.add(new PrimRestriction(j, box.low()[j], box.high()[j], box.lowRestricted()[j], box.highRestricted()[j], density - without,
                without, positives == 0 ? 0 : (double) w[1] / positives, hypergeometricAtLeast(in[1], w[0], w[1], in[0])));
        }
        return out;
    }

    /**
     * Removes, one at a time, the limit that adds least to the box's density, while that limit adds
     * less than {@code minDensityGain} (a difference of shares, 0.01 = one percentage point) or its
     * quasi-p value exceeds {@code maxQuasiP}; the figures are computed again after each removal,
     * since a limit's worth depends on the others. Each end of a parameter is a limit of its own, so
     * that a lower limit that matters keeps no upper limit at 0.98 of the range beside it. What is
     * left are the limits that each raise the density materially and beyond what chance gives.
     * Ties: the higher quasi-p value, then the lower parameter index, then the lower end.
     *
     * @param maxQuasiP 1 to prune on the density gain alone
     */
    public static PrimBox prune(double[][] columns, boolean[] interest, PrimBox box, double minDensityGain, double maxQuasiP) {
        int n = check(columns, interest);
        if (!(minDensityGain >= 0 && minDensityGain < 1)) throw new IllegalArgumentException("minDensityGain must be in [0, 1), was " + minDensityGain);
        if (!(maxQuasiP > 0 && maxQuasiP <= 1)) throw new IllegalArgumentException("maxQuasiP must be in (0, 1], was " + maxQuasiP);
        double[] min = mins(columns);
        double[] max = maxs(columns);
        int positives = positives(interest);
        PrimBox current = box;
        while (true) {
            int[] in = count(columns, interest, current.low(), current.high());
            if (in[0] == 0) return current;
            double density = (double) in[1] / in[0];
            int weakestParameter = -1;
            boolean weakestLow = false;
            double weakestGain = Double.POSITIVE_INFINITY;
            double weakestP = -1;
            for (int j = 0; j < columns.length; j++) {
                for (int end = 0; end < 2; end++) {
                    boolean low = end == 0;
                    if (!(low ? current.lowRestricted()[j] : current.highRestricted()[j])) continue;
                    double[] lo = current.low().clone();
                    double[] hi = current.high().clone();
                    if (low) lo[j] = min[j];
                    else hi[j] = max[j];
                    int[] w = count(columns, interest, lo, hi);
                    double gain = density - (double) w[1] / w[0];
                    double p = hypergeometricAtLeast(in[1], w[0], w[1], in[0]);
                    if (gain >= minDensityGain && p <= maxQuasiP) continue;
                    if (gain < weakestGain || (gain == weakestGain && p > weakestP)) {
                        weakestParameter = j;
                        weakestLow = low;
                        weakestGain = gain;
                        weakestP = p;
                    }
                }
            }
            if (weakestParameter < 0) return current;
            double[] lo = current.low().clone();
            double[] hi = current.high().clone();
            if (weakestLow) lo[weakestParameter] = min[weakestParameter];
            else hi[weakestParameter] = max[weakestParameter];
            current = box(columns, interest, lo, hi, min, max, positives, n);
        }
    }

    /**
     * P(X {@code >=} k) for X hypergeometric: {@code draws} points drawn without replacement from
     * {@code population} points of which {@code successes} are cases of interest. Exact (sums the
     * probabilities from log factorials), since a box's points are a subset of the wider box's.
     */
    static double hypergeometricAtLeast(int k, int population, int successes, int draws) {
        if (population < 0 || successes < 0 || successes > population || draws < 0 || draws > population) {
            throw new IllegalArgumentException("no hypergeometric distribution with population " + population + ", successes " + successes + ", draws " + draws);
        }
        double[] logFactorial = new double[population + 1];
        for (int i = 1; i <= population; i++) logFactorial[i] = logFactorial[i - 1] + Math.log(i);
        int from = Math.max(k, Math.max(0, draws - (population - successes)));
        int to = Math.min(draws, successes);
        double logAll = logChoose(logFactorial, population, draws);
        double p = 0;
        for (int x = from; x <= to; x++) {
            p += Math.exp(logChoose(logFactorial, successes, x) + logChoose(logFactorial, population - successes, draws - x) - logAll);
        }
        return Math.min(1, p);
    }

    private static double logChoose(double[] logFactorial, int n, int r) {
        return logFactorial[n] - logFactorial[r] - logFactorial[n - r];
    }

    private static double[] mins(double[][] columns) {
        double[] m = new double[columns.length];
        for (int j = 0; j < m.length; j++) m[j] = Arrays.stream(columns[j]).min().orElse(0);
        return m;
    }

    private static double[] maxs(double[][] columns) {
        double[] m = new double[columns.length];
        for (int j = 0; j < m.length; j++) m[j] = Arrays.stream(columns[j]).max().orElse(0);
        return m;
    }

    private static int positives(boolean[] interest) {
        int p = 0;
        for (boolean b : interest) if (b) p++;
        return p;
    }

    private static int check(double[][] columns, boolean[] interest) {
        if (columns.length == 0) throw new IllegalArgumentException("at least one parameter is needed");
        int n = interest.length;
        if (n == 0) throw new IllegalArgumentException("at least one point is needed");
        for (double[] c : columns) if (c.length != n) throw new IllegalArgumentException("every column needs " + n + " values");
        return n;
    }

    private static PrimBox box(double[][] columns, boolean[] interest, double[] lo, double[] hi, double[] min, double[] max, int positives, int n) {
        int[] c = count(columns, interest, lo, hi);
        boolean[] low = new boolean[lo.length];
        boolean[] high = new boolean[lo.length];
        for (int j = 0; j < lo.length; j++) {
            low[j] = lo[j] > min[j];
            high[j] = hi[j] < max[j];
        }
        return new PrimBox(lo.clone(), hi.clone(), positives == 0 ? 0 : (double) c[1] / positives, c[0] == 0 ? 0 : (double) c[1] / c[0],
            (double) c[0] / n, low, high);
    }

    /** {points inside, cases of interest inside}. */
    private static int[] count(double[][] columns, boolean[] interest, double[] lo, double[] hi) {
        int in = 0;
        int pos = 0;
        for (int i = 0; i < interest.length; i++) {
            if (within(columns, i, lo, hi, -1)) {
                in++;
                if (interest[i]) pos++;
            }
        }
        return new int[] {in, pos};
    }

    private static boolean within(double[][] columns, int i, double[] lo, double[] hi, int skip) {
        for (int j = 0; j < columns.length; j++) {
            if (j == skip) continue;
            double v = columns[j][i];
            if (v < lo[j] || v > hi[j]) return false;
        }
        return true;
    }

    private static double[] inside(double[][] columns, int j, double[] lo, double[] hi) {
        double[] v = new double[columns[j].length];
        int m = 0;
        for (int i = 0; i < v.length; i++) if (within(columns, i, lo, hi, -1)) v[m++] = columns[j][i];
        return Arrays.copyOf(v, m);
    }

    /** Values of parameter j of the points inside the box on every other parameter, sorted. */
    private static double[] outsideAlong(double[][] columns, int j, double[] lo, double[] hi) {
        double[] v = new double[columns[j].length];
        int m = 0;
        for (int i = 0; i < v.length; i++) if (within(columns, i, lo, hi, j)) v[m++] = columns[j][i];
        double[] out = Arrays.copyOf(v, m);
        Arrays.sort(out);
        return out;
    }

    private static double[] below(double[] sorted, double limit) {
        return Arrays.copyOf(sorted, lower(sorted, limit));
    }

    private static double[] above(double[] sorted, double limit) {
        int from = upper(sorted, limit);
        return Arrays.copyOfRange(sorted, from, sorted.length);
    }

    /** First index whose value is at least {@code v}. */
    private static int lower(double[] sorted, double v) {
        int a = 0;
        int b = sorted.length;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (sorted[mid] < v) a = mid + 1;
            else b = mid;
        }
        return a;
    }

    /** First index whose value is above {@code v}. */
    private static int upper(double[] sorted, double v) {
        int a = 0;
        int b = sorted.length;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (sorted[mid] <= v) a = mid + 1;
            else b = mid;
        }
        return a;
    }
}
