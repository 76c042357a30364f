package owsim.strategy.games;

import java.util.Arrays;

/**
 * The trajectory of a replicator run: the strategy shares of each population at the recorded
 * steps, and whether the run ended at a rest point (all shares changing slower than the settings'
 * rest speed) or ran out of steps (e.g. cycling around an interior equilibrium).
 */
public final class ReplicatorPath {
    private final double stepSize;
    private final int[] sizes;
    private final int width;
    private final int[] steps;
    private final double[] shares;
    private final boolean atRest;
    private final double finalSpeed;

    /** {@code shares} holds the recorded states back to back, each the populations' shares in order. */
    ReplicatorPath(double stepSize, int[] sizes, int[] steps, double[] shares, boolean atRest, double finalSpeed) {
        this.stepSize = stepSize;
        this.sizes = sizes.clone();
        this.width = Arrays.stream(sizes).sum();
        this.steps = steps.clone();
        this.shares = shares.clone();
        this.atRest = atRest;
        this.finalSpeed = finalSpeed;
    }

    /** Number of recorded states, the initial and the last included. */
    public int states() { return steps.length; }

    /** Number of populations: 1 for a symmetric game, 2 otherwise. */
    public int populations() { return sizes.length; }

    /** Integration step at which state k was recorded. */
    public int step(int k) { return steps[k]; }

    /** Normalised time of state k. */
    public double time(int k) { return steps[k] * stepSize; }

    /** Shares of population {@code population}'s strategies at state k (a copy). */
    public double[] shares(int k, int population) {
        int offset = k * width;
        for (int p = 0; p < population; p++) offset += sizes[p];
        return Arrays.copyOfRange(shares, offset, offset + sizes[population]);
    }

    /** Shares at the end of the run (the rest point if {@link #atRest()}). */
    public double[] last(int population) { return shares(steps.length - 1, population); }

    /** True when the run stopped at a rest point rather than at the step limit. */
    public boolean atRest() { return atRest; }

    /** Largest |d share / dt| at the last state, in normalised time. */
    public double finalSpeed() { return finalSpeed; }
}
