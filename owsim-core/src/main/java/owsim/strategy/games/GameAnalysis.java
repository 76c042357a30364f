package owsim.strategy.games;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the equilibrium report shows about one game, computed with one payoff tolerance:
 * best responses of every player, pure equilibria, iterated elimination, and for two players all
 * equilibria by support enumeration (empty for three or four players).
 */
public record GameAnalysis(NormalFormGame game, double tolerance, List<List<BestResponse>> bestResponses,
                           List<PureEquilibrium> pureEquilibria, Dominance.Elimination elimination,
                           List<MixedEquilibrium> equilibria) {
    public GameAnalysis {
        bestResponses = bestResponses.stream().map(List::copyOf).toList();
        pureEquilibria = List.copyOf(pureEquilibria);
        equilibria = List.copyOf(equilibria);
    }

    /** Analysis with the game's default tolerance. */
    public static GameAnalysis of(NormalFormGame game) {
        return of(game, game.defaultTolerance());
    }

    /**
     * Runs every solver with {@code tolerance} (absolute, in payoff units; for simulated payoffs
     * about their standard error).
     */
    public static GameAnalysis of(NormalFormGame game, double tolerance) {
        BestResponses.checkTolerance(tolerance);
        List<List<BestResponse>> best = new ArrayList<>();
        for (int p = 0; p < game.players(); p++) best.add(BestResponses.table(game, p, tolerance));
        List<MixedEquilibrium> all = game.players() == 2 ? SupportEnumeration.solve(game, tolerance) : List.of();
        return new GameAnalysis(game, tolerance, best, PureNash.find(game, tolerance),
            Dominance.iterated(game, tolerance), all);
    }

    /** Equilibria in which some player mixes (two-player games only). */
    public List<MixedEquilibrium> properlyMixed() {
        return equilibria.stream().filter(e -> !e.isPure()).toList();
    }
}
