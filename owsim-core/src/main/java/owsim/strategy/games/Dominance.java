package owsim.strategy.games;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Iterated elimination of strictly dominated strategies. Every round removes, for all players at
 * once, each remaining strategy that another remaining strategy, or with {@link By#MIXED} a mix of
 * the others, beats by more than the tolerance against every remaining pure profile of the
 * others. For strict dominance the surviving set does not depend on the order of removal.
 *
 * <p>Domination by a mix (e.g. a strategy worse than a 50/50 mix of two others but not worse than
 * either) is found by solving the zero-sum game of payoff margins by linear programming: the
 * strategy is dominated when that game's value exceeds the tolerance. In two-player games what
 * survives {@link By#MIXED} elimination is the set of rationalizable strategies (Bernheim 1984,
 * Pearce 1984).
 */
public final class Dominance {
    /** Relative rounding allowance on the LP value when testing domination by a mix. */
    static final double ROUNDING = 1e-12;

    private Dominance() {}

    /** What may dominate: other pure strategies only, or mixes of them too. */
    public enum By { PURE, MIXED }

    /**
     * One removed strategy: in which round, whose, and what dominated it: {@code dominatedBy} is a
     * dominating pure strategy that survives the round, or -1 when only a mix dominates, given
     * then as {@code mix} (strategy index to probability; a single entry of 1 for a pure one).
     */
    public record Removal(int round, int player, int strategy, int dominatedBy, Map<Integer, Double> mix) {
        public Removal {
            mix = Collections.unmodifiableMap(new TreeMap<>(mix)); // sorted by strategy index for output
        }

        /** Removal by a pure strategy. */
        public Removal(int round, int player, int strategy, int dominatedBy) {
            this(round, player, strategy, dominatedBy, Map.of(dominatedBy, 1.0));
        }
    }

    /** What survives ({@code remaining[p]} in index order) and what was removed, round by round. */
    public record Elimination(int[][] remaining, List<Removal> removals) {
        public Elimination {
            remaining = deepCopy(remaining);
            removals = List.copyOf(removals);
        }

        @Override public int[][] remaining() { return deepCopy(remaining); }

        public boolean survives(int player, int strategy) {
            for (int s : remaining[player]) if (s == strategy) return true;
            return false;
        }

        /** Number of rounds that removed something. */
        public int rounds() { return removals.isEmpty() ? 0 : removals.get(removals.size() - 1).round(); }

        @Override public boolean equals(Object o) {
            return o instanceof Elimination e && Arrays.deepEquals(e.remaining, remaining) && e.removals.equals(removals);
        }

        @Override public int hashCode() { return Arrays.deepHashCode(remaining) * 31 + removals.hashCode(); }

        @Override public String toString() {
            return "Elimination[remaining=" + Arrays.deepToString(remaining) + ", removals=" + removals + "]";
        }
    }

    /** Elimination by pure or mixed strategies with the game's default tolerance. */
    public static Elimination iterated(NormalFormGame game) {
        return iterated(game, game.defaultTolerance(), By.MIXED);
    }

    /** Elimination by pure or mixed strategies (margin > {@code tolerance}). */
    public static Elimination iterated(NormalFormGame game, double tolerance) {
        return iterated(game, tolerance, By.MIXED);
    }

    /** Iterated elimination of strictly dominated strategies (margin > {@code tolerance}). */
    public static Elimination iterated(NormalFormGame game, double tolerance, By by) {
        BestResponses.checkTolerance(tolerance);
        int n = game.players();
        boolean[][] alive = new boolean[n][];
        for (int p = 0; p < n; p++) {
            alive[p] = new boolean[game.strategyCount(p)];
            Arrays.fill(alive[p], true);
        }
        List<Removal> removals = new ArrayList<>();
        for (int round = 1; ; round++) {
            List<Removal> found = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                boolean[] dominated = new boolean[alive[p].length];
                int[] pureDominator = new int[alive[p].length];
                for (int s = 0; s < alive[p].length; s++) {
                    if (!alive[p][s]) continue;
                    for (int t = 0; t < alive[p].length; t++) {
                        if (t != s && alive[p][t] && dominates(game, alive, p, t, s, tolerance)) {
                            dominated[s] = true;
                            pureDominator[s] = t;
                            break;
                        }
                    }
                }
                Map<Integer, Map<Integer, Double>> mixes = new HashMap<>();
                if (by == By.MIXED) {
                    for (int s = 0; s < alive[p].length; s++) {
                        if (!alive[p][s] || dominated[s]) continue;
                        Map<Integer, Double> mix = dominatingMix(game, alive, p, s, tolerance);
                        if (mix != null) {
                            dominated[s] = true;
                            mixes.put(s, mix);
                        }
                    }
                }
                for (int s = 0; s < dominated.length; s++) {
                    if (!dominated[s]) continue;
                    if (mixes.containsKey(s)) {
                        found.add(new Removal(round, p, s, -1, mixes.get(s)));
                        continue;
                    }
                    // Report a dominator that itself survives the round; one exists by transitivity.
                    int dominator = pureDominator[s];
                    for (int t = 0; t < alive[p].length; t++) {
                        if (alive[p][t] && !dominated[t] && t != s && dominates(game, alive, p, t, s, tolerance)) {
                            dominator = t;
                            break;
                        }
                    }
                    found.add(new Removal(round, p, s, dominator));
                }
            }
            if (found.isEmpty()) break;
            for (Removal r : found) alive[r.player()][r.strategy()] = false;
            removals.addAll(found);
        }
        int[][] remaining = new int[n][];
        for (int p = 0; p < n; p++) {
            boolean[] own = alive[p];
            remaining[p] = IntStream.range(0, own.length).filter(s -> own[s]).toArray();
        }
        return new Elimination(remaining, removals);
    }

    /**
     * A mix of player p's other live strategies that beats s by more than the tolerance against
     * every live opponent profile, or null. The best worst-case margin is the value of the
     * zero-sum game whose rows are p's other strategies and columns the opponent profiles.
     */
    private static Map<Integer, Double> dominatingMix(NormalFormGame game, boolean[][] alive, int p, int s,
                                                     double tolerance) {
        int[] others = IntStream.range(0, alive[p].length).filter(t -> t != s && alive[p][t]).toArray();
        if (others.length == 0) return null;
        List<double[]> columns = new ArrayList<>();
        for (int index = 0; index < game.profileCount(); index++) {
            int[] profile = game.profile(index);
            if (profile[p] != s || !allAlive(alive, profile, p)) continue;
            double own = game.payoffAt(index, p);
            double[] margins = new double[others.length];
            for (int k = 0; k < others.length; k++) {
                margins[k] = game.payoffAt(game.deviate(index, p, others[k]), p) - own;
            }
            columns.add(margins);
        }
        double[][] margin = new double[others.length][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            for (int k = 0; k < others.length; k++) margin[k][c] = columns.get(c)[k];
        }
        ZeroSumValue.Solution solution = ZeroSumValue.solve(margin);
        // The LP's value carries rounding error of order 1e-16 x the margins, so a mix that only
        // ties s (value exactly 0) must not pass for a dominating one when the tolerance is 0.
        double scale = 0;
        for (double[] row : margin) for (double v : row) scale = Math.max(scale, Math.abs(v));
        if (!(solution.value() > tolerance + ROUNDING * scale)) return null;
        Map<Integer, Double> mix = new TreeMap<>();
        double[] weights = solution.rowMix();
        for (int k = 0; k < others.length; k++) if (weights[k] > 0) mix.put(others[k], weights[k]);
        return mix;
    }

    /** True when t beats s for player p by more than the tolerance against every live opponent profile. */
    private static boolean dominates(NormalFormGame game, boolean[][] alive, int p, int t, int s, double tolerance) {
        for (int index = 0; index < game.profileCount(); index++) {
            int[] profile = game.profile(index);
            if (profile[p] != s || !allAlive(alive, profile, p)) continue;
            double own = game.payoffAt(index, p);
            double other = game.payoffAt(game.deviate(index, p, t), p);
            if (!(other > own + tolerance)) return false;
        }
        return true;
    }

    private static boolean allAlive(boolean[][] alive, int[] profile, int except) {
        for (int q = 0; q < profile.length; q++) if (q != except && !alive[q][profile[q]]) return false;
        return true;
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }
}
