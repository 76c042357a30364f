package owsim.experiment.design;

import java.util.List;
import owsim.io.Check;
import owsim.random.Seeds;
import owsim.random.SplitMix64;

/**
 * Morris elementary-effects screening (Morris 1991, Technometrics 33:161), with the trajectory
 * selection of Campolongo, Cariboni and Saltelli (2007, Environ. Model. Softw. 22:1509).
 *
 * <p>The unit range of each parameter is a grid of {@code levels} (p, even) values
 * {0, 1/(p-1), ..., 1}; the step is Delta = p / (2 (p - 1)). A trajectory is k + 1 points: a
 * random grid point, then each parameter in turn (random order) moved by +Delta or -Delta, so that
 * every point stays on the grid. Runs = r (k + 1). With {@code candidates} > r, that many
 * trajectories are drawn and r kept for spread: Campolongo's criterion (the sum of squared
 * distances between kept trajectories, distance = sum of Euclidean distances between their
 * points), maximised greedily by dropping, one at a time, the trajectory that contributes least
 * (after Ruano et al. 2012), not by the paper's exhaustive search.
 *
 * <p>Row {@code t (k + 1) + s} is point s of trajectory t.
 */
public record MorrisDesign(int trajectories, int levels, int candidates) implements Design {
    /** Most candidate trajectories: selection keeps a candidates x candidates distance matrix (8 MB at this limit). */
    public static final int MAX_CANDIDATES = 1_000;

    public MorrisDesign {
        if (trajectories < 2) throw new IllegalArgumentException("trajectories: must be at least 2 (sigma needs two effects), was " + trajectories);
        if (levels < 2 || levels % 2 != 0) throw new IllegalArgumentException("levels: must be an even number >= 2, was " + levels);
        Check.nonNegative("candidates", candidates);
        if (candidates > MAX_CANDIDATES) {
            throw new IllegalArgumentException("candidates: must be at most " + MAX_CANDIDATES
                + " (the selection compares every pair of candidates), was " + candidates);
        }
        if (candidates != 0 && candidates < trajectories) {
            throw new IllegalArgumentException("candidates: must be 0 (no selection) or at least trajectories (" + trajectories + "), was " + candidates);
        }
    }

    /** r trajectories on a 4-level grid, without selection. */
    public MorrisDesign(int trajectories) {
        this(trajectories, 4, 0);
    }

    @Override public String name() { return "morris"; }

    @Override public long runCount(List<Parameter> parameters) {
        return (long) trajectories * (parameters.size() + 1);
    }

    /** Step in the unit range, Delta = p / (2 (p - 1)). */
    public double delta() { return levels / (2.0 * (levels - 1)); }

    @Override public SampleMatrix sample(List<Parameter> parameters, long rootSeed) {
        return trajectories(parameters, rootSeed).matrix();
    }

    /** The design with each trajectory's steps, as the Morris analysis needs them. */
    public MorrisSample trajectories(List<Parameter> parameters, long rootSeed) {
        Design.requireParameters(name(), parameters);
        int k = parameters.size();
        SplitMix64 rng = Seeds.stream(rootSeed, name());
        int drawn = Math.max(trajectories, candidates);
        double[][] unit = new double[drawn][];   // each (k+1) x k, row-major
        int[][] factor = new int[drawn][];
        double[][] step = new double[drawn][];
        for (int t = 0; t < drawn; t++) {
            factor[t] = new int[k];
            step[t] = new double[k];
            unit[t] = trajectory(k, rng, factor[t], step[t]);
        }
        int[] keep = drawn > trajectories ? select(unit, k, trajectories) : identity(trajectories);
        double[] all = new double[Design.cells(name(), runCount(parameters), k)];
        int[] factors = new int[trajectories * k];
        double[] steps = new double[trajectories * k];
        for (int t = 0; t < trajectories; t++) {
            int src = keep[t];
            System.arraycopy(unit[src], 0, all, t * (k + 1) * k, (k + 1) * k);
            System.arraycopy(factor[src], 0, factors, t * k, k);
            System.arraycopy(step[src], 0, steps, t * k, k);
        }
        SampleMatrix m = Design.fromUnit(name(), parameters, trajectories * (k + 1), all);
        return new MorrisSample(m, trajectories, k, factors, steps);
    }

    /** Morris's B* construction: random base, random signs, random order. */
    private double[] trajectory(int k, SplitMix64 rng, int[] factor, double[] step) {
        double d = delta();
        int baseLevels = levels / 2;  // grid values x with x + Delta <= 1
        double[] x = new double[k];
        double[] signed = new double[k];  // each parameter's move, +Delta or -Delta
        for (int i = 0; i < k; i++) {
            double base = rng.nextInt(baseLevels) / (double) (levels - 1);
            boolean up = rng.nextInt(2) == 0;
            x[i] = up ? base : clampToGrid(base + d);
            signed[i] = up ? d : -d;
        }
        int[] order = identity(k);
        rng.shuffle(order);
        double[] pts = new double[(k + 1) * k];
        System.arraycopy(x, 0, pts, 0, k);
        for (int s = 0; s < k; s++) {
            int f = order[s];
            x[f] = clampToGrid(x[f] + signed[f]);
            System.arraycopy(x, 0, pts, (s + 1) * k, k);
            factor[s] = f;
            step[s] = signed[f];
        }
        return pts;
    }

    /** Removes the rounding of x + Delta so grid values hit 0 and 1 exactly. */
    private double clampToGrid(double v) {
        return Math.rint(v * (levels - 1)) / (levels - 1);
    }

    /** Greedy maximisation of Campolongo's spread: drop the least-contributing trajectory until r remain. */
    private static int[] select(double[][] unit, int k, int r) {
        int m = unit.length;
        double[][] d2 = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double dist = distance(unit[a], unit[b], k);
                d2[a][b] = d2[b][a] = dist * dist;
            }
        }
        boolean[] alive = new boolean[m];
        java.util.Arrays.fill(alive, true);
        double[] contribution = new double[m];
        for (int a = 0; a < m; a++) for (int b = 0; b < m; b++) contribution[a] += d2[a][b];
        for (int left = m; left > r; left--) {
            int worst = -1;
            for (int a = 0; a < m; a++) if (alive[a] && (worst < 0 || contribution[a] < contribution[worst])) worst = a;
            alive[worst] = false;
            for (int a = 0; a < m; a++) contribution[a] -= d2[a][worst];
        }
        int[] keep = new int[r];
        int n = 0;
        for (int a = 0; a < m; a++) if (alive[a]) keep[n++] = a;
        return keep;
    }

    /** Sum over all pairs of points of their Euclidean distance (Campolongo et al. 2007, eq. 3). */
    private static double distance(double[] p, double[] q, int k) {
        double sum = 0;
        for (int i = 0; i <= k; i++) {
            for (int j = 0; j <= k; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    double diff = p[i * k + c] - q[j * k + c];
                    s += diff * diff;
                }
                sum += Math.sqrt(s);
            }
        }
        return sum;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
