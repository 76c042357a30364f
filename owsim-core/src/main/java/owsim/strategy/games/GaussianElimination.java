package owsim.strategy.games;

/**
 * Solves small dense square systems A x = b by Gaussian elimination with partial pivoting. The
 * systems here are the (k+1) x (k+1) indifference conditions of support enumeration, k at most
 * the number of strategies, so an O(k^3) direct method is the right size.
 */
final class GaussianElimination {
    /** A pivot below this fraction of the matrix's largest entry counts as zero (singular system). */
    static final double RELATIVE_PIVOT_TOLERANCE = 1e-12;

    private GaussianElimination() {}

    /** The solution, or null when the matrix is singular to working precision. Inputs are not changed. */
    static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
            for (double v : a[i]) scale = Math.max(scale, Math.abs(v));
        }
        double[] b = rhs.clone();
        if (scale == 0) return null;
        double tiny = RELATIVE_PIVOT_TOLERANCE * scale;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            if (Math.abs(a[pivot][col]) <= tiny) return null;
            double[] rowSwap = a[pivot]; a[pivot] = a[col]; a[col] = rowSwap;
            double bSwap = b[pivot]; b[pivot] = b[col]; b[col] = bSwap;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / a[col][col];
                if (factor == 0) continue;
                for (int c = col; c < n; c++) a[r][c] -= factor * a[col][c];
                b[r] -= factor * b[col];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) sum -= a[r][c] * x[c];
            x[r] = sum / a[r][r];
        }
        return x;
    }
}
