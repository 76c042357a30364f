package owsim.strategy.games;

/**
 * The trajectory of a replicator run: the strategy shares of each population at every step, and
 * whether the run ended at a rest point (all shares changing slower than the settings' rest speed)
 * or ran out of steps (e.g. cycling around an interior equilibrium).
 */
public final class ReplicatorPath {
    private final double stepSize;
    private final double[][][] shares;
    private final boolean atRest;
    private final double finalSpeed;

    ReplicatorPath(double stepSize, double[][][] shares, boolean atRest, double finalSpeed) {
        this.stepSize = stepSize;
        this.shares = shares;
        this.atRest = atRest;
        this.finalSpeed = finalSpeed;
    }

    /** Number of recorded states, the initial one included. */
    public int states() { return shares.length; }

    /** Number of populations: 1 for a symmetric game, 2 otherwise. */
    public int populations() { return shares[0].length; }

    /** Normalised time of state k. */
    public double time(int k) { return k * stepSize; }

    /** Shares of population {@code population}'s strategies at state k (a copy). */
    public double[] shares(int k, int population) { return shares[k][population].clone(); }

    /** Shares at the end of the run (the rest point if {@link #atRest()}). */
    public double[] last(int population) { return shares(shares.length - 1, population); }

    /** True when the run stopped at a rest point rather than at the step limit. */
    public boolean atRest() { return atRest; }

    /** Largest |d share / dt| at the last state, in normalised time. */
    public double finalSpeed() { return finalSpeed; }
}
