package owsim.strategy.games;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable finite game in normal form: 2 to 4 players, each with named pure strategies, and a
 * dense table of payoffs indexed by pure strategy profile.
 *
 * <p>Profiles are numbered in mixed radix with the last player's strategy varying fastest, so for
 * two players the index is {@code row * columns + column}. Payoffs are stored as one flat array,
 * {@code payoffs[index * players + player]}, filled once by the builder's payoff function.
 */
public final class NormalFormGame {
    /** Fewest and most players; more than 4 would make the dense table and the CLI output unwieldy. */
    public static final int MIN_PLAYERS = 2;
    public static final int MAX_PLAYERS = 4;
    /** Cap on pure profiles: each one is a simulation run for the equilibrium command. */
    public static final int MAX_PROFILES = 1_000_000;

    private final List<String> playerNames;
    private final List<List<String>> strategyNames;
    private final int[] sizes;
    private final int[] strides;
    private final int profileCount;
    private final double[] payoffs;

    private NormalFormGame(List<String> playerNames, List<List<String>> strategyNames, int[] sizes,
                           int profileCount, double[] payoffs) {
        this.playerNames = playerNames;
        this.strategyNames = strategyNames;
        this.sizes = sizes;
        this.profileCount = profileCount;
        this.payoffs = payoffs;
        this.strides = new int[sizes.length];
        int stride = 1;
        for (int p = sizes.length - 1; p >= 0; p--) {
            strides[p] = stride;
            stride *= sizes[p];
        }
    }

    /**
     * Builds a game by calling {@code payoffs} once for every pure profile.
     *
     * @throws IllegalArgumentException naming the player, strategy or profile at fault
     */
    public static NormalFormGame of(List<String> players, List<List<String>> strategies, ProfilePayoffs payoffs) {
        if (players == null || strategies == null || payoffs == null) {
            throw new IllegalArgumentException("game: players, strategies and payoffs are required");
        }
        int n = players.size();
        if (n < MIN_PLAYERS || n > MAX_PLAYERS) {
            throw new IllegalArgumentException("players: a game needs " + MIN_PLAYERS + " to " + MAX_PLAYERS
                + " players, was " + n + " " + players);
        }
        if (strategies.size() != n) {
            throw new IllegalArgumentException("strategies: one list per player is needed (" + n + " players), was "
                + strategies.size() + " lists");
        }
        Set<String> seenPlayers = new HashSet<>();
        for (int p = 0; p < n; p++) {
            String name = players.get(p);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("players[" + p + "]: a player name must not be blank");
            }
            if (!seenPlayers.add(name)) {
                throw new IllegalArgumentException("players[" + p + "]: player '" + name + "' is listed twice");
            }
        }
        int[] sizes = new int[n];
        long count = 1;
        List<List<String>> names = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            List<String> own = strategies.get(p);
            String where = "strategies of " + players.get(p);
            if (own == null || own.isEmpty()) {
                throw new IllegalArgumentException(where + ": at least one strategy is needed");
            }
            Set<String> seen = new HashSet<>();
            for (int s = 0; s < own.size(); s++) {
                String name = own.get(s);
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException(where + "[" + s + "]: a strategy name must not be blank");
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException(where + "[" + s + "]: strategy '" + name + "' is listed twice");
                }
            }
            sizes[p] = own.size();
            names.add(List.copyOf(own));
            count *= own.size();
            if (count > MAX_PROFILES) {
                throw new IllegalArgumentException("strategies: more than " + MAX_PROFILES
                    + " pure profiles; use fewer strategies or players");
            }
        }
        NormalFormGame shape = new NormalFormGame(List.copyOf(players), List.copyOf(names), sizes, (int) count,
            new double[0]);
        double[] table = new double[(int) count * n];
        for (int index = 0; index < count; index++) {
            int[] profile = shape.profile(index);
            double[] values = payoffs.payoffs(profile.clone());
            if (values == null || values.length != n) {
                throw new IllegalArgumentException("payoffs at " + shape.describe(profile) + ": expected " + n
                    + " values (one per player), was " + (values == null ? "none" : values.length));
            }
            for (int p = 0; p < n; p++) {
                if (!Double.isFinite(values[p])) {
                    throw new IllegalArgumentException("payoffs at " + shape.describe(profile) + ": payoff of "
                        + players.get(p) + " must be finite, was " + values[p]);
                }
                table[index * n + p] = values[p];
            }
        }
        return new NormalFormGame(shape.playerNames, shape.strategyNames, sizes, (int) count, table);
    }

    /**
     * A two-player game from the row player's matrix {@code a} and the column player's matrix
     * {@code b}, both indexed [row strategy][column strategy].
     */
    public static NormalFormGame bimatrix(String rowPlayer, String columnPlayer, List<String> rowStrategies,
                                          List<String> columnStrategies, double[][] a, double[][] b) {
        int m = rowStrategies == null ? 0 : rowStrategies.size();
        int n = columnStrategies == null ? 0 : columnStrategies.size();
        checkMatrix("payoffs of " + rowPlayer, a, m, n);
        checkMatrix("payoffs of " + columnPlayer, b, m, n);
        return of(List.of(rowPlayer, columnPlayer), List.of(rowStrategies, columnStrategies),
            profile -> new double[] {a[profile[0]][profile[1]], b[profile[0]][profile[1]]});
    }

    /**
     * A symmetric two-player game: both players have {@code strategies} and a player using i
     * against j gets {@code a[i][j]}, so the column player's matrix is the transpose of {@code a}.
     */
    public static NormalFormGame symmetric(String firstPlayer, String secondPlayer, List<String> strategies,
                                           double[][] a) {
        int m = strategies == null ? 0 : strategies.size();
        checkMatrix("payoffs", a, m, m);
        return of(List.of(firstPlayer, secondPlayer), List.of(strategies, strategies),
            profile -> new double[] {a[profile[0]][profile[1]], a[profile[1]][profile[0]]});
    }

    private static void checkMatrix(String field, double[][] matrix, int rows, int columns) {
        if (matrix == null || matrix.length != rows) {
            throw new IllegalArgumentException(field + ": expected " + rows + " rows (one per row strategy), was "
                + (matrix == null ? "none" : matrix.length));
        }
        for (int i = 0; i < rows; i++) {
            if (matrix[i] == null || matrix[i].length != columns) {
                throw new IllegalArgumentException(field + "[" + i + "]: expected " + columns
                    + " values (one per column strategy), was " + (matrix[i] == null ? "none" : matrix[i].length));
            }
        }
    }

    public int players() { return sizes.length; }

    public String playerName(int player) { return playerNames.get(player); }

    public List<String> playerNames() { return playerNames; }

    public int strategyCount(int player) { return sizes[player]; }

    public String strategyName(int player, int strategy) { return strategyNames.get(player).get(strategy); }

    public List<String> strategyNames(int player) { return strategyNames.get(player); }

    /** Index of a strategy by name, or -1. */
    public int strategyIndex(int player, String name) { return strategyNames.get(player).indexOf(name); }

    /** Number of pure strategy profiles (product of the strategy counts). */
    public int profileCount() { return profileCount; }

    /** Index of a pure profile in the table. */
    public int profileIndex(int... profile) {
        if (profile.length != sizes.length) {
            throw new IllegalArgumentException("profile: expected " + sizes.length + " strategies, was " + profile.length);
        }
        int index = 0;
        for (int p = 0; p < sizes.length; p++) {
            if (profile[p] < 0 || profile[p] >= sizes[p]) {
                throw new IllegalArgumentException("profile: strategy " + profile[p] + " of " + playerNames.get(p)
                    + " is outside 0.." + (sizes[p] - 1));
            }
            index += profile[p] * strides[p];
        }
        return index;
    }

    /** The pure profile with the given table index. */
    public int[] profile(int index) {
        if (index < 0 || index >= profileCount) {
            throw new IllegalArgumentException("profile index " + index + " is outside 0.." + (profileCount - 1));
        }
        int[] profile = new int[sizes.length];
        for (int p = 0; p < sizes.length; p++) {
            profile[p] = (index / strides[p]) % sizes[p];
        }
        return profile;
    }

    /** Player's payoff at a pure profile. */
    public double payoff(int player, int... profile) { return payoffs[profileIndex(profile) * sizes.length + player]; }

    /** Player's payoff at the profile with the given table index. */
    public double payoffAt(int profileIndex, int player) { return payoffs[profileIndex * sizes.length + player]; }

    /** All players' payoffs at a pure profile. */
    public double[] payoffs(int... profile) {
        int base = profileIndex(profile) * sizes.length;
        double[] out = new double[sizes.length];
        System.arraycopy(payoffs, base, out, 0, sizes.length);
        return out;
    }

    /** Table index of the profile that differs from {@code index} only in player's strategy. */
    int deviate(int index, int player, int strategy) {
        int current = (index / strides[player]) % sizes[player];
        return index + (strategy - current) * strides[player];
    }

    /** Largest absolute payoff (at least 1), the scale for default tolerances. */
    public double payoffScale() {
        double scale = 1;
        for (double v : payoffs) scale = Math.max(scale, Math.abs(v));
        return scale;
    }

    /**
     * Largest minus smallest payoff of one player over all profiles (1 when all are equal): the
     * unit of that player's replicator time, since adding a constant to a player's payoffs leaves
     * the dynamics unchanged.
     */
    public double payoffSpread(int player) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int index = 0; index < profileCount; index++) {
            double v = payoffAt(index, player);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double spread = hi - lo;
        return spread > 0 && Double.isFinite(spread) ? spread : 1;
    }

    /** Default absolute tolerance for payoff comparisons: 1e-9 of {@link #payoffScale()}. */
    public double defaultTolerance() { return 1e-9 * payoffScale(); }

    /**
     * Player's expected payoff when every player p mixes with {@code mix[p]} (probabilities over
     * player p's strategies).
     */
    public double expectedPayoff(int player, double[][] mix) {
        checkMix(mix);
        double total = 0;
        for (int index = 0; index < profileCount; index++) {
            double weight = 1;
            for (int p = 0; p < sizes.length && weight != 0; p++) {
                weight *= mix[p][(index / strides[p]) % sizes[p]];
            }
            if (weight != 0) total += weight * payoffs[index * sizes.length + player];
        }
        return total;
    }

    /**
     * Player's expected payoff from each of its pure strategies while the others mix with
     * {@code mix} (player's own row of {@code mix} is ignored).
     */
    public double[] deviationPayoffs(int player, double[][] mix) {
        checkMix(mix);
        double[] out = new double[sizes[player]];
        for (int index = 0; index < profileCount; index++) {
            double weight = 1;
            for (int p = 0; p < sizes.length && weight != 0; p++) {
                if (p != player) weight *= mix[p][(index / strides[p]) % sizes[p]];
            }
            if (weight != 0) {
                out[(index / strides[player]) % sizes[player]] += weight * payoffs[index * sizes.length + player];
            }
        }
        return out;
    }

    /**
     * Largest gain any player could get by switching to a pure strategy: 0 (up to rounding) at a
     * Nash equilibrium, and the epsilon of an epsilon-equilibrium otherwise.
     */
    public double regret(double[][] mix) {
        double worst = 0;
        for (int p = 0; p < sizes.length; p++) {
            double current = expectedPayoff(p, mix);
            for (double v : deviationPayoffs(p, mix)) worst = Math.max(worst, v - current);
        }
        return worst;
    }

    /**
     * The subgame keeping, for each player p, the strategies listed in {@code keep[p]} (in that
     * order); used to solve a game after dominated strategies are removed.
     */
    public NormalFormGame restrict(int[][] keep) {
        if (keep.length != sizes.length) {
            throw new IllegalArgumentException("keep: expected one list per player (" + sizes.length + "), was "
                + keep.length);
        }
        List<List<String>> names = new ArrayList<>();
        for (int p = 0; p < sizes.length; p++) {
            List<String> own = new ArrayList<>();
            for (int s : keep[p]) {
                if (s < 0 || s >= sizes[p]) {
                    throw new IllegalArgumentException("keep[" + p + "]: strategy " + s + " is outside 0.."
                        + (sizes[p] - 1));
                }
                own.add(strategyNames.get(p).get(s));
            }
            names.add(own);
        }
        return of(playerNames, names, sub -> {
            int[] full = new int[sub.length];
            for (int p = 0; p < sub.length; p++) full[p] = keep[p][sub[p]];
            return payoffs(full);
        });
    }

    /** The same game with every payoff multiplied by {@code factor} (a change of unit: its equilibria are the same). */
    public NormalFormGame scaled(double factor) {
        return of(playerNames, strategyNames, profile -> {
            double[] v = payoffs(profile);
            for (int p = 0; p < v.length; p++) v[p] *= factor;
            return v;
        });
    }

    /** True when the game has two players and {@link #isSymmetric(double)} holds. */
    public boolean isSymmetricTwoPlayer(double tolerance) {
        return sizes.length == 2 && isSymmetric(tolerance);
    }

    /**
     * True when all players have the same strategy names and relabelling players permutes their
     * payoffs: player p's payoff equals player 0's at the profile with p's and 0's strategies
     * swapped, and player 0's payoff does not change when two opponents swap strategies (the
     * transpositions generate every permutation).
     */
    public boolean isSymmetric(double tolerance) {
        for (int p = 1; p < sizes.length; p++) {
            if (!strategyNames.get(p).equals(strategyNames.get(0))) return false;
        }
        int n = sizes.length;
        for (int index = 0; index < profileCount; index++) {
            int[] profile = profile(index);
            double own = payoffs[index * n];
            for (int p = 1; p < n; p++) {
                if (Math.abs(payoffs[index * n + p] - payoffs[swapped(profile, 0, p) * n]) > tolerance) return false;
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(own - payoffs[swapped(profile, p, q) * n]) > tolerance) return false;
                }
            }
        }
        return true;
    }

    private int swapped(int[] profile, int p, int q) {
        int[] other = profile.clone();
        other[p] = profile[q];
        other[q] = profile[p];
        return profileIndex(other);
    }

    /** A profile as "player=strategy, ..." for messages and text output. */
    public String describe(int[] profile) {
        StringBuilder out = new StringBuilder("(");
        for (int p = 0; p < profile.length; p++) {
            if (p > 0) out.append(", ");
            out.append(playerNames.get(p)).append('=').append(strategyNames.get(p).get(profile[p]));
        }
        return out.append(')').toString();
    }

    private void checkMix(double[][] mix) {
        if (mix == null || mix.length != sizes.length) {
            throw new IllegalArgumentException("mixed profile: expected one distribution per player ("
                + sizes.length + ")");
        }
        for (int p = 0; p < sizes.length; p++) {
            if (mix[p] == null || mix[p].length != sizes[p]) {
                throw new IllegalArgumentException("mixed profile of " + playerNames.get(p) + ": expected "
                    + sizes[p] + " probabilities, was " + (mix[p] == null ? "none" : mix[p].length));
            }
        }
    }
}
