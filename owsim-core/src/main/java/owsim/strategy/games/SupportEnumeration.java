package owsim.strategy.games;

import java.util.ArrayList;
import java.util.List;

/**
 * All Nash equilibria of a two-player game by support enumeration (Nisan et al., Algorithmic Game
 * Theory, 2007, ch. 3, "equal-size supports" for nondegenerate games).
 *
 * <p>For every pair of supports I (row) and J (column) of equal size k, the column mix y on J
 * must make the row player indifferent over I ({@code sum_j A[i][j] y_j = u} for i in I,
 * {@code sum y = 1}) and the row mix x on I must make the column player indifferent over J. Each
 * is a (k+1) x (k+1) linear system, solved by Gaussian elimination with partial pivoting. A pair
 * is kept when both solutions are non-negative (within the tolerance) and no strategy outside the
 * supports pays more than u (or v) by more than the tolerance.
 *
 * <p><b>Nondegenerate games</b> (no mixed strategy with support size k has more than k pure best
 * responses; true with probability 1 for payoffs drawn from a continuous distribution): every
 * equilibrium has supports of equal size with a unique solution, so the list is complete, and
 * its length is odd (Shapley 1974).
 *
 * <p><b>Degenerate games</b>: the result holds every equilibrium that some pair of equal-size
 * supports determines uniquely, with duplicates removed. That always includes every pure
 * equilibrium (supports of size 1 give a unique solution), so the list is never empty. It can
 * miss equilibria that need supports of different sizes, and where equilibria form a continuum
 * (e.g. a player indifferent between two strategies against everything) it reports only isolated
 * points of it, typically its pure endpoints, not the whole set.
 *
 * <p>Cost: sum over k of C(m,k) C(n,k) = C(m+n, n) support pairs, each O(k^3); fine up to about
 * 10 strategies per player.
 */
final class SupportEnumeration {
    /** Two equilibria closer than this in every probability are reported once. */
    static final double DUPLICATE_DISTANCE = 1e-9;

    private SupportEnumeration() {}

    /** Equilibria with the game's default tolerance ({@link NormalFormGame#defaultTolerance()}). */
    public static List<MixedEquilibrium> solve(NormalFormGame game) {
        return solve(game, game.defaultTolerance());
    }

    /**
     * All equilibria found, ordered by support size and then lexicographically by supports.
     *
     * @param tolerance absolute slack in payoffs for the best-response test, and in probability
     *     for accepting a slightly negative solution of the indifference system (clipped to 0)
     * @throws IllegalArgumentException when the game does not have exactly two players
     */
    public static List<MixedEquilibrium> solve(NormalFormGame game, double tolerance) {
        if (game.players() != 2) {
            throw new IllegalArgumentException("support enumeration needs a two-player game, this one has "
                + game.players() + " players " + game.playerNames());
        }
        BestResponses.checkTolerance(tolerance);
        int m = game.strategyCount(0);
        int n = game.strategyCount(1);
        double[][] a = new double[m][n];
        double[][] b = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = game.payoff(0, i, j);
                b[i][j] = game.payoff(1, i, j);
            }
        }
        double[][] bT = transpose(b);
        List<MixedEquilibrium> found = new ArrayList<>();
        for (int k = 1; k <= Math.min(m, n); k++) {
            for (int[] rows : subsets(m, k)) {
                for (int[] cols : subsets(n, k)) {
                    // y on cols makes the row player indifferent over rows; x on rows does the same for columns.
                    double[] y = indifferentMix(a, rows, cols, n, tolerance);
                    if (y == null) continue;
                    double[] x = indifferentMix(bT, cols, rows, m, tolerance);
                    if (x == null) continue;
                    double[] rowValues = times(a, y);
                    double[] colValues = times(bT, x);
                    double u = dot(x, rowValues);
                    double v = dot(y, colValues);
                    if (max(rowValues) > u + tolerance || max(colValues) > v + tolerance) continue;
                    MixedEquilibrium candidate = new MixedEquilibrium(new double[][] {x, y}, new double[] {u, v});
                    if (found.stream().noneMatch(e -> e.distance(candidate) <= DUPLICATE_DISTANCE)) found.add(candidate);
                }
            }
        }
        return found;
    }

    /**
     * The mix over {@code mixed} (columns of {@code payoff}) that equalises the payoffs of the
     * {@code indifferent} rows, as a full-length distribution; null when the system is singular or
     * the solution is negative beyond the tolerance.
     */
    private static double[] indifferentMix(double[][] payoff, int[] indifferent, int[] mixed, int length,
                                           double tolerance) {
        int k = mixed.length;
        // Payoffs in units of the largest one: the sum-to-one row holds 1s, and raw payoffs of 1e11
        // (USD) would make the pivot test call a regular system singular.
        double scale = 0;
        for (int r : indifferent) for (int c : mixed) scale = Math.max(scale, Math.abs(payoff[r][c]));
        if (scale == 0) scale = 1;
        double probabilityTolerance = tolerance / scale;
        double[][] system = new double[k + 1][k + 1];
        double[] rhs = new double[k + 1];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) system[r][c] = payoff[indifferent[r]][mixed[c]] / scale;
            system[r][k] = -1;
        }
        for (int c = 0; c < k; c++) system[k][c] = 1;
        rhs[k] = 1;
        double[] solution = GaussianElimination.solve(system, rhs);
        if (solution == null) return null;
        double[] mix = new double[length];
        double total = 0;
        for (int c = 0; c < k; c++) {
            double p = solution[c];
            if (!(p >= -probabilityTolerance)) return null;
            mix[mixed[c]] = Math.max(0, p);
            total += mix[mixed[c]];
        }
        if (!(total > 0)) return null;
        for (int c = 0; c < k; c++) mix[mixed[c]] /= total;
        return mix;
    }

    /** All k-subsets of 0..n-1 in lexicographic order. */
    static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        int[] current = new int[k];
        for (int i = 0; i < k; i++) current[i] = i;
        while (true) {
            out.add(current.clone());
            int i = k - 1;
            while (i >= 0 && current[i] == n - k + i) i--;
            if (i < 0) return out;
            current[i]++;
            for (int j = i + 1; j < k; j++) current[j] = current[j - 1] + 1;
        }
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m[0].length; j++) t[j][i] = m[i][j];
        return t;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) out[i] = dot(m[i], v);
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    private static double max(double[] v) {
        double best = Double.NEGATIVE_INFINITY;
        for (double x : v) best = Math.max(best, x);
        return best;
    }
}
