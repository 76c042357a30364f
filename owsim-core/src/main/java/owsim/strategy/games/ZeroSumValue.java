package owsim.strategy.games;

/**
 * Value and optimal mix of the maximising player in a small zero-sum matrix game, by the simplex
 * method: with every entry shifted to be positive (D = d + K), the LP
 * max sum z subject to D z <= 1, z >= 0 has the origin feasible (no phase one), its optimum is
 * 1 / value(D), and the duals of its constraints, normalised, are the maximiser's optimal mix.
 * Bland's rule prevents cycling on degenerate pivots. Used to test domination by mixed strategies.
 */
final class ZeroSumValue {
    /** Entries below this (relative to the largest) count as zero in pivoting. */
    private static final double EPSILON = 1e-12;

    private ZeroSumValue() {}

    /** Value and optimal mix of the row (maximising) player. */
    record Solution(double value, double[] rowMix) {}

    /** Solves max over row mixes of min over columns of {@code rowMix . payoff[.][column]}. */
    static Solution solve(double[][] payoff) {
        int rows = payoff.length;
        int columns = payoff[0].length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : payoff) {
            for (double v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double shift = 1 - min + Math.max(0, max - min); // every shifted entry in [1, 1 + 2 range]
        // Tableau: constraint rows 0..rows-1 over columns z (columns) and slacks (rows), then rhs.
        int width = columns + rows + 1;
        double[][] t = new double[rows + 1][width];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) t[i][j] = payoff[i][j] + shift;
            t[i][columns + i] = 1;
            t[i][width - 1] = 1;
        }
        for (int j = 0; j < columns; j++) t[rows][j] = -1; // objective row: -c, maximise sum z
        int[] basis = new int[rows];
        for (int i = 0; i < rows; i++) basis[i] = columns + i;
        double tiny = EPSILON * (1 + 2 * (max - min) + shift);
        while (true) {
            int enter = -1;
            for (int j = 0; j < width - 1; j++) {
                if (t[rows][j] < -tiny) { enter = j; break; } // Bland: lowest index improving column
            }
            if (enter < 0) break;
            int leave = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                if (t[i][enter] > tiny) {
                    double ratio = t[i][width - 1] / t[i][enter];
                    if (ratio < best - tiny || (Math.abs(ratio - best) <= tiny && basis[i] < basis[leave])) {
                        best = ratio;
                        leave = i;
                    }
                }
            }
            if (leave < 0) throw new IllegalStateException("zero-sum LP unbounded; cannot happen with positive entries");
            pivot(t, leave, enter);
            basis[leave] = enter;
        }
        double total = t[rows][width - 1];
        double[] mix = new double[rows];
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            mix[i] = Math.max(0, t[rows][columns + i]);
            sum += mix[i];
        }
        for (int i = 0; i < rows; i++) mix[i] /= sum;
        return new Solution(1 / total - shift, mix);
    }

    private static void pivot(double[][] t, int row, int column) {
        double p = t[row][column];
        for (int j = 0; j < t[row].length; j++) t[row][j] /= p;
        for (int i = 0; i < t.length; i++) {
            if (i == row || t[i][column] == 0) continue;
            double factor = t[i][column];
            for (int j = 0; j < t[i].length; j++) t[i][j] -= factor * t[row][j];
        }
    }
}
