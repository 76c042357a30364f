package owsim.strategy.games;

import java.util.Arrays;

/**
 * Replicator dynamics (Taylor and Jonker 1978): the share x_i of a strategy grows at the rate its
 * payoff beats the population average, dx_i/dt = x_i (f_i(x) - fbar(x)). Integrated with classical
 * fourth-order Runge-Kutta on each population's payoffs divided by their spread (largest minus
 * smallest), which changes the speed of a population but not the rest points or their stability.
 *
 * <p>{@link #symmetric} follows one population of labs that meet each other at random (a symmetric
 * game of 2 to 4 players; for two, f = A x). {@link #twoPopulations} follows a row population and a column
 * population (f = A y for rows, g = B^T x for columns), for asymmetric games.
 *
 * <p>RK4 keeps the sum of shares (a linear invariant) up to rounding; shares that rounding pushes
 * below zero are clipped and each population renormalised after every step. Faces of the simplex
 * are invariant, so a strategy with share 0 never reappears: start from an interior point to let
 * every strategy compete.
 */
public final class Replicator {
    private Replicator() {}

    /**
     * One population playing a symmetric game against itself: each player is drawn from the
     * population, so the fitness of strategy i is player 0's expected payoff from i when the other
     * n-1 players each play j with probability x_j (for two players, f = A x). Works for 2 to 4
     * players, e.g. labs choosing release policies when three labs meet.
     *
     * @param initial initial shares of the strategies (non-negative, summing to 1)
     * @throws IllegalArgumentException when the game is not symmetric or the shares are invalid
     */
    public static ReplicatorPath symmetric(NormalFormGame game, double[] initial, ReplicatorSettings settings) {
        if (!game.isSymmetric(game.defaultTolerance())) {
            throw new IllegalArgumentException("replicator: one-population dynamics need a symmetric game "
                + "(same strategies for all, payoffs unchanged when players are relabelled); "
                + (game.players() == 2 ? "use twoPopulations for " : "not available for ") + game.playerNames());
        }
        int m = game.strategyCount(0);
        int n = game.players();
        int count = game.profileCount();
        double scale = game.payoffSpread(0);
        double[] own = new double[count];
        int[][] profiles = new int[count][];
        for (int index = 0; index < count; index++) {
            own[index] = game.payoffAt(index, 0) / scale;
            profiles[index] = game.profile(index);
        }
        double[] start = checkShares("initial shares of " + game.playerName(0), initial, m);
        Field field = (z, dz) -> {
            Arrays.fill(dz, 0);
            for (int index = 0; index < count; index++) {
                int[] profile = profiles[index];
                double weight = 1;
                for (int q = 1; q < n; q++) weight *= z[profile[q]];
                dz[profile[0]] += weight * own[index];
            }
            double mean = 0;
            for (int i = 0; i < m; i++) mean += z[i] * dz[i];
            for (int i = 0; i < m; i++) dz[i] = z[i] * (dz[i] - mean);
        };
        return integrate(field, start, new int[] {m}, settings);
    }

    /**
     * A row population and a column population, each replicating against the other's current mix.
     *
     * @throws IllegalArgumentException when the game does not have two players or the shares are invalid
     */
    public static ReplicatorPath twoPopulations(NormalFormGame game, double[] rowInitial, double[] columnInitial,
                                                ReplicatorSettings settings) {
        if (game.players() != 2) {
            throw new IllegalArgumentException("replicator: two-population dynamics need a two-player game, this one has "
                + game.players() + " players " + game.playerNames());
        }
        int m = game.strategyCount(0);
        int n = game.strategyCount(1);
        // Each population in its own time unit: a lab whose policies move its payoff by millions
        // must not crawl because the other's move by billions (rest points do not change).
        double rowScale = game.payoffSpread(0);
        double columnScale = game.payoffSpread(1);
        double[][] a = new double[m][n];
        double[][] b = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = game.payoff(0, i, j) / rowScale;
                b[i][j] = game.payoff(1, i, j) / columnScale;
            }
        }
        double[] x0 = checkShares("initial shares of " + game.playerName(0), rowInitial, m);
        double[] y0 = checkShares("initial shares of " + game.playerName(1), columnInitial, n);
        double[] start = new double[m + n];
        System.arraycopy(x0, 0, start, 0, m);
        System.arraycopy(y0, 0, start, m, n);
        Field field = (z, dz) -> {
            double rowMean = 0;
            for (int i = 0; i < m; i++) {
                double f = 0;
                for (int j = 0; j < n; j++) f += a[i][j] * z[m + j];
                dz[i] = f;
                rowMean += z[i] * f;
            }
            double colMean = 0;
            for (int j = 0; j < n; j++) {
                double g = 0;
                for (int i = 0; i < m; i++) g += b[i][j] * z[i];
                dz[m + j] = g;
                colMean += z[m + j] * g;
            }
            for (int i = 0; i < m; i++) dz[i] = z[i] * (dz[i] - rowMean);
            for (int j = 0; j < n; j++) dz[m + j] = z[m + j] * (dz[m + j] - colMean);
        };
        return integrate(field, start, new int[] {m, n}, settings);
    }

    /** The vector field of the dynamics: writes dz/dt into {@code dz}. */
    private interface Field {
        void derivative(double[] z, double[] dz);
    }

    private static ReplicatorPath integrate(Field field, double[] start, int[] sizes, ReplicatorSettings settings) {
        int d = start.length;
        double h = settings.stepSize();
        double[] z = start.clone();
        double[] k1 = new double[d], k2 = new double[d], k3 = new double[d], k4 = new double[d], tmp = new double[d];
        Recorder recorder = new Recorder(d);
        recorder.add(0, z);
        field.derivative(z, k1);
        double speed = maxAbs(k1);
        boolean atRest = speed < settings.restSpeed();
        int step = 0;
        while (step < settings.maxSteps() && !atRest) {
            for (int i = 0; i < d; i++) tmp[i] = z[i] + 0.5 * h * k1[i];
            field.derivative(tmp, k2);
            for (int i = 0; i < d; i++) tmp[i] = z[i] + 0.5 * h * k2[i];
            field.derivative(tmp, k3);
            for (int i = 0; i < d; i++) tmp[i] = z[i] + h * k3[i];
            field.derivative(tmp, k4);
            for (int i = 0; i < d; i++) z[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            renormalise(z, sizes);
            step++;
            field.derivative(z, k1);
            speed = maxAbs(k1);
            atRest = speed < settings.restSpeed();
            if (step % settings.recordEvery() == 0) recorder.add(step, z);
        }
        if (recorder.lastStep() != step) recorder.add(step, z);
        return new ReplicatorPath(h, sizes, recorder.steps(), recorder.shares(), atRest, speed);
    }

    /** Growing flat storage of recorded states. */
    private static final class Recorder {
        private final int width;
        private int[] steps = new int[64];
        private double[] shares;
        private int count;

        Recorder(int width) {
            this.width = width;
            this.shares = new double[64 * width];
        }

        void add(int step, double[] z) {
            if (count == steps.length) {
                steps = Arrays.copyOf(steps, 2 * count);
                shares = Arrays.copyOf(shares, 2 * count * width);
            }
            steps[count] = step;
            System.arraycopy(z, 0, shares, count * width, width);
            count++;
        }

        int lastStep() { return steps[count - 1]; }

        int[] steps() { return Arrays.copyOf(steps, count); }

        double[] shares() { return Arrays.copyOf(shares, count * width); }
    }

    private static void renormalise(double[] z, int[] sizes) {
        int offset = 0;
        for (int size : sizes) {
            double total = 0;
            for (int i = offset; i < offset + size; i++) {
                z[i] = Math.max(0, z[i]);
                total += z[i];
            }
            for (int i = offset; i < offset + size; i++) z[i] /= total;
            offset += size;
        }
    }

    private static double maxAbs(double[] v) {
        double worst = 0;
        for (double x : v) worst = Math.max(worst, Math.abs(x));
        return worst;
    }

    /** Validated copy of initial shares: right length, each in [0, 1], summing to 1 within 1e-9. */
    static double[] checkShares(String field, double[] shares, int size) {
        if (shares == null || shares.length != size) {
            throw new IllegalArgumentException(field + ": expected " + size + " shares (one per strategy), was "
                + (shares == null ? "none" : shares.length));
        }
        double total = 0;
        for (int i = 0; i < size; i++) {
            if (!(shares[i] >= 0 && shares[i] <= 1)) {
                throw new IllegalArgumentException(field + "[" + i + "]: must be between 0 and 1, was " + shares[i]);
            }
            total += shares[i];
        }
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException(field + ": shares must sum to 1, sum was " + total);
        }
        double[] out = shares.clone();
        for (int i = 0; i < size; i++) out[i] /= total;
        return out;
    }
}
