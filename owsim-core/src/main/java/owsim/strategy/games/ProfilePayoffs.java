package owsim.strategy.games;

/**
 * The payoffs of one pure strategy profile: {@code profile[p]} is player p's strategy index and
 * the result holds one payoff per player, in player order. One call per profile, so a simulation
 * that yields every lab's payoff at once needs one run per profile.
 */
@FunctionalInterface
public interface ProfilePayoffs {
    double[] payoffs(int[] profile);
}
