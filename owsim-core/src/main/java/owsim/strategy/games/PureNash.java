package owsim.strategy.games;

import java.util.ArrayList;
import java.util.List;

/**
 * All pure-strategy Nash equilibria by exhaustive check: a profile is kept when no player gains
 * more than the tolerance by a unilateral change. Exact up to that tolerance; cost is
 * profiles x total strategies payoff look-ups.
 */
public final class PureNash {
    private PureNash() {}

    /** Equilibria with the game's default tolerance ({@link NormalFormGame#defaultTolerance()}). */
    public static List<PureEquilibrium> find(NormalFormGame game) {
        return find(game, game.defaultTolerance());
    }

    /**
     * Every pure profile where each player's strategy is within {@code tolerance} of its best
     * reply, in table order. A larger tolerance treats near-ties as ties (payoffs that come from
     * noisy simulations), which can only add equilibria.
     */
    public static List<PureEquilibrium> find(NormalFormGame game, double tolerance) {
        BestResponses.checkTolerance(tolerance);
        List<PureEquilibrium> out = new ArrayList<>();
        for (int index = 0; index < game.profileCount(); index++) {
            if (isEquilibrium(game, index, tolerance)) {
                int[] profile = game.profile(index);
                out.add(new PureEquilibrium(profile, game.payoffs(profile)));
            }
        }
        return out;
    }

    /** True when the pure profile is a Nash equilibrium within {@code tolerance}. */
    public static boolean isEquilibrium(NormalFormGame game, int[] profile, double tolerance) {
        BestResponses.checkTolerance(tolerance);
        return isEquilibrium(game, game.profileIndex(profile), tolerance);
    }

    private static boolean isEquilibrium(NormalFormGame game, int index, double tolerance) {
        for (int p = 0; p < game.players(); p++) {
            double own = game.payoffAt(index, p);
            for (int s = 0; s < game.strategyCount(p); s++) {
                if (game.payoffAt(game.deviate(index, p, s), p) > own + tolerance) return false;
            }
        }
        return true;
    }
}
