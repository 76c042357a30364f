package owsim.experiment.discovery;

import java.util.Arrays;

/**
 * A tipping point as a surface: the share of sampled points where the outcome is yes, on a grid
 * over two parameters, each cut at quantiles of its sampled values into {@code bins} intervals of
 * (nearly) equal counts. Where a single threshold would say "holds above x", the surface shows how
 * that threshold moves with the second parameter.
 *
 * @param edgesA bins + 1 cut values of the first parameter, from its smallest sampled value to its largest
 * @param edgesB the same for the second
 * @param share share[a][b] of the points in cell (a, b) where the outcome is yes; NaN for an empty cell
 * @param points points per cell
 */
public record TippingSurface(double[] edgesA, double[] edgesB, double[][] share, int[][] points) {
    /** The surface over columns {@code a} and {@code b}. */
    public static TippingSurface of(double[] a, double[] b, boolean[] outcome, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        if (a.length != outcome.length || b.length != outcome.length) throw new IllegalArgumentException("columns and outcome differ in length");
        double[] ea = edges(a, bins);
        double[] eb = edges(b, bins);
        int[][] yes = new int[bins][bins];
        int[][] n = new int[bins][bins];
        for (int i = 0; i < outcome.length; i++) {
            int p = cell(ea, a[i]);
            int q = cell(eb, b[i]);
            n[p][q]++;
            if (outcome[i]) yes[p][q]++;
        }
        double[][] share = new double[bins][bins];
        for (int p = 0; p < bins; p++) for (int q = 0; q < bins; q++) share[p][q] = n[p][q] == 0 ? Double.NaN : (double) yes[p][q] / n[p][q];
        return new TippingSurface(ea, eb, share, n);
    }

    private static double[] edges(double[] v, int bins) {
        double[] s = v.clone();
        Arrays.sort(s);
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) e[i] = s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.floor((double) i * s.length / bins))];
        e[bins] = s.length == 0 ? 0 : s[s.length - 1];
        return e;
    }

    /** The interval [e_i, e_i+1) holding v (the last one closed). */
    private static int cell(double[] e, double v) {
        int bins = e.length - 1;
        for (int i = 1; i < bins; i++) if (v < e[i]) return i - 1;
        return bins - 1;
    }
}
