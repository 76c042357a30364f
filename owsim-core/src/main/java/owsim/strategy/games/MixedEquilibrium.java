package owsim.strategy.games;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A (possibly mixed) Nash equilibrium: {@code probabilities[p][s]} is the probability that player
 * p plays strategy s, and {@code payoffs[p]} is p's expected payoff.
 */
public record MixedEquilibrium(double[][] probabilities, double[] payoffs) {
    public MixedEquilibrium {
        probabilities = copy(probabilities);
        payoffs = payoffs.clone();
    }

    @Override public double[][] probabilities() { return copy(probabilities); }

    @Override public double[] payoffs() { return payoffs.clone(); }

    /** Player's mixed strategy (a copy). */
    public double[] strategy(int player) { return probabilities[player].clone(); }

    public double probability(int player, int strategy) { return probabilities[player][strategy]; }

    public double payoff(int player) { return payoffs[player]; }

    /** Strategies the player uses with positive probability. */
    public int[] support(int player) {
        return IntStream.range(0, probabilities[player].length)
            .filter(s -> probabilities[player][s] > 0).toArray();
    }

    /** True when every player uses a single strategy. */
    public boolean isPure() {
        for (int p = 0; p < probabilities.length; p++) if (support(p).length != 1) return false;
        return true;
    }

    /** Largest absolute difference in any probability from another equilibrium of the same game. */
    public double distance(MixedEquilibrium other) {
        double worst = 0;
        for (int p = 0; p < probabilities.length; p++) {
            for (int s = 0; s < probabilities[p].length; s++) {
                worst = Math.max(worst, Math.abs(probabilities[p][s] - other.probabilities[p][s]));
            }
        }
        return worst;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }

    @Override public boolean equals(Object o) {
        return o instanceof MixedEquilibrium e && Arrays.deepEquals(e.probabilities, probabilities)
            && Arrays.equals(e.payoffs, payoffs);
    }

    @Override public int hashCode() { return Arrays.deepHashCode(probabilities); }

    @Override public String toString() {
        return "MixedEquilibrium[probabilities=" + Arrays.deepToString(probabilities)
            + ", payoffs=" + Arrays.toString(payoffs) + "]";
    }
}
