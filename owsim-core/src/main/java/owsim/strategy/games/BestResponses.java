package owsim.strategy.games;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Pure best responses of each player, with ties kept. */
final class BestResponses {
    private BestResponses() {}

    /**
     * Player's best pure replies when the others play as in {@code profile} (player's own entry is
     * ignored): every strategy whose payoff is within {@code tolerance} of the best.
     */
    public static BestResponse to(NormalFormGame game, int player, int[] profile, double tolerance) {
        checkPlayer(game, player);
        checkTolerance(tolerance);
        int[] opponents = profile.clone();
        opponents[player] = 0;
        int base = game.profileIndex(opponents);
        int count = game.strategyCount(player);
        double best = Double.NEGATIVE_INFINITY;
        double[] values = new double[count];
        for (int s = 0; s < count; s++) {
            values[s] = game.payoffAt(game.deviate(base, player, s), player);
            best = Math.max(best, values[s]);
        }
        int ties = 0;
        int[] replies = new int[count];
        for (int s = 0; s < count; s++) {
            if (values[s] >= best - tolerance) replies[ties++] = s;
        }
        opponents[player] = -1;
        return new BestResponse(player, opponents, Arrays.copyOf(replies, ties), best);
    }

    /** Player's best responses to every profile of the others, in table order. */
    public static List<BestResponse> table(NormalFormGame game, int player, double tolerance) {
        checkPlayer(game, player);
        List<BestResponse> out = new ArrayList<>();
        for (int index = 0; index < game.profileCount(); index++) {
            int[] profile = game.profile(index);
            if (profile[player] == 0) out.add(to(game, player, profile, tolerance));
        }
        return out;
    }

    /**
     * Player's best pure replies to the others' mixed strategies {@code mix} (own row ignored),
     * within {@code tolerance} of the best expected payoff.
     */
    public static int[] toMixed(NormalFormGame game, int player, double[][] mix, double tolerance) {
        checkPlayer(game, player);
        checkTolerance(tolerance);
        double[] values = game.deviationPayoffs(player, mix);
        double best = Double.NEGATIVE_INFINITY;
        for (double v : values) best = Math.max(best, v);
        int ties = 0;
        int[] replies = new int[values.length];
        for (int s = 0; s < values.length; s++) if (values[s] >= best - tolerance) replies[ties++] = s;
        return Arrays.copyOf(replies, ties);
    }

    static void checkPlayer(NormalFormGame game, int player) {
        if (player < 0 || player >= game.players()) {
            throw new IllegalArgumentException("player " + player + " is outside 0.." + (game.players() - 1));
        }
    }

    static void checkTolerance(double tolerance) {
        if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance: must be a finite number >= 0, was " + tolerance);
        }
    }
}
