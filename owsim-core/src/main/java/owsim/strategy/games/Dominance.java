package owsim.strategy.games;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Iterated elimination of strategies strictly dominated by another pure strategy. Every round
 * removes, for all players at once, each remaining strategy that some other remaining strategy
 * beats by more than the tolerance against every remaining profile of the others. For strict
 * dominance the surviving set does not depend on the order of removal.
 *
 * <p>Domination by a mixed strategy only (e.g. a strategy worse than a 50/50 mix of two others
 * but not worse than either) is not detected: that needs a linear program per strategy.
 */
public final class Dominance {
    private Dominance() {}

    /** One removed strategy: in which round, whose, and a surviving pure strategy that dominated it. */
    public record Removal(int round, int player, int strategy, int dominatedBy) {}

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

    /** Elimination with the game's default tolerance. */
    public static Elimination iterated(NormalFormGame game) {
        return iterated(game, game.defaultTolerance());
    }

    /** Iterated elimination of strictly dominated pure strategies (margin > {@code tolerance}). */
    public static Elimination iterated(NormalFormGame game, double tolerance) {
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
                int[] by = new int[alive[p].length];
                for (int s = 0; s < alive[p].length; s++) {
                    if (!alive[p][s]) continue;
                    for (int t = 0; t < alive[p].length; t++) {
                        if (t != s && alive[p][t] && dominates(game, alive, p, t, s, tolerance)) {
                            dominated[s] = true;
                            by[s] = t;
                            break;
                        }
                    }
                }
                for (int s = 0; s < dominated.length; s++) {
                    if (!dominated[s]) continue;
                    // Report a dominator that itself survives the round; one exists by transitivity.
                    int dominator = by[s];
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
