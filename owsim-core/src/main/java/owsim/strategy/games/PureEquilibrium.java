package owsim.strategy.games;

import java.util.Arrays;

/** A pure-strategy Nash equilibrium: {@code profile[p]} is player p's strategy. */
public record PureEquilibrium(int[] profile, double[] payoffs) {
    public PureEquilibrium {
        profile = profile.clone();
        payoffs = payoffs.clone();
    }

    @Override public int[] profile() { return profile.clone(); }

    @Override public double[] payoffs() { return payoffs.clone(); }

    public int strategy(int player) { return profile[player]; }

    public double payoff(int player) { return payoffs[player]; }

    @Override public boolean equals(Object o) {
        return o instanceof PureEquilibrium e && Arrays.equals(e.profile, profile) && Arrays.equals(e.payoffs, payoffs);
    }

    @Override public int hashCode() { return Arrays.hashCode(profile); }

    @Override public String toString() {
        return "PureEquilibrium[profile=" + Arrays.toString(profile) + ", payoffs=" + Arrays.toString(payoffs) + "]";
    }
}
