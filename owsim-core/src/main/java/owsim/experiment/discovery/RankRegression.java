package owsim.experiment.discovery;

import java.util.Arrays;

/**
 * Standardised rank regression coefficients (SRRC; Saltelli et al., Global Sensitivity Analysis:
 * The Primer, 2008, section 1.2.5): the outcome's ranks regressed on the parameters' ranks, all
 * standardised, so each coefficient says how many standard deviations (of rank) the outcome moves
 * per standard deviation of the parameter, whatever their units or scales (a log-uniform
 * parameter and a dollar margin spread over decades alike). R² says how much of the outcome's rank
 * variance a monotone additive model explains; when it is low the coefficients say little.
 *
 * @param coefficients one per parameter, NaN when the outcome does not vary
 * @param rSquared share of the rank variance explained
 */
public record RankRegression(double[] coefficients, double rSquared) {
    /** Fits the regression; {@code columns} one array of n values per parameter. */
    public static RankRegression fit(double[][] columns, double[] outcome) {
        int k = columns.length;
        int n = outcome.length;
        if (n <= k + 1) throw new IllegalArgumentException("need more points (" + n + ") than parameters + 1 (" + (k + 1) + ")");
        double[] y = standardise(ranks(outcome));
        double[] nan = new double[k];
        Arrays.fill(nan, Double.NaN);
        if (y == null) return new RankRegression(nan, Double.NaN);
        double[][] x = new double[k][];
        for (int j = 0; j < k; j++) {
            x[j] = standardise(ranks(columns[j]));
            if (x[j] == null) x[j] = new double[n];
        }
        double[][] a = new double[k][k + 1];
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) a[p][q] = dot(x[p], x[q]);
            a[p][k] = dot(x[p], y);
            // A constant parameter has a zero column: keep the system solvable, its coefficient 0.
            if (a[p][p] == 0) a[p][p] = 1;
        }
        double[] b = solve(a);
        double explained = 0;
        for (int p = 0; p < k; p++) explained += b[p] * a[p][k];
        return new RankRegression(b, explained / dot(y, y));
    }

    /** Ranks 1..n, ties sharing their mean rank. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) j++;
            double mean = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) r[order[t]] = mean;
            i = j + 1;
        }
        return r;
    }

    /** Mean 0, standard deviation 1; null when constant. */
    private static double[] standardise(double[] v) {
        double mean = 0;
        for (double d : v) mean += d / v.length;
        double ss = 0;
        for (double d : v) ss += (d - mean) * (d - mean);
        if (ss <= 0) return null;
        double sd = Math.sqrt(ss / v.length);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (v[i] - mean) / sd;
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Gaussian elimination with partial pivoting on an augmented k x (k+1) matrix. */
    private static double[] solve(double[][] a) {
        int k = a.length;
        for (int c = 0; c < k; c++) {
            int piv = c;
            for (int r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            if (Math.abs(a[c][c]) < 1e-12) continue;
            for (int r = c + 1; r < k; r++) {
                double f = a[r][c] / a[c][c];
                for (int q = c; q <= k; q++) a[r][q] -= f * a[c][q];
            }
        }
        double[] b = new double[k];
        for (int r = k - 1; r >= 0; r--) {
            double s = a[r][k];
            for (int q = r + 1; q < k; q++) s -= a[r][q] * b[q];
            b[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : s / a[r][r];
        }
        return b;
    }
}
