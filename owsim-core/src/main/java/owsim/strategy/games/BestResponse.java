package owsim.strategy.games;

import java.util.Arrays;

/**
 * A player's best pure replies to one profile of the other players' strategies. {@code opponents}
 * is a full profile whose own entry is -1; {@code strategies} lists every reply within the
 * tolerance of the best ({@code payoff}), so ties give more than one.
 */
public record BestResponse(int player, int[] opponents, int[] strategies, double payoff) {
    public BestResponse {
        opponents = opponents.clone();
        strategies = strategies.clone();
    }

    @Override public int[] opponents() { return opponents.clone(); }

    @Override public int[] strategies() { return strategies.clone(); }

    public boolean contains(int strategy) {
        for (int s : strategies) if (s == strategy) return true;
        return false;
    }

    @Override public boolean equals(Object o) {
        return o instanceof BestResponse r && r.player == player && r.payoff == payoff
            && Arrays.equals(r.opponents, opponents) && Arrays.equals(r.strategies, strategies);
    }

    @Override public int hashCode() {
        return 31 * (31 * player + Arrays.hashCode(opponents)) + Arrays.hashCode(strategies);
    }

    @Override public String toString() {
        return "BestResponse[player=" + player + ", opponents=" + Arrays.toString(opponents)
            + ", strategies=" + Arrays.toString(strategies) + ", payoff=" + payoff + "]";
    }
}
