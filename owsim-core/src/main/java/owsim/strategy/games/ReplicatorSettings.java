package owsim.strategy.games;

/**
 * Integration settings for {@link Replicator}. Time is measured with each population's payoffs
 * divided by their spread ({@link NormalFormGame#payoffSpread(int)}), so the same settings suit
 * games in any payoff unit (rescaling payoffs only rescales time along the same orbits).
 *
 * @param stepSize RK4 time step, in normalised time units (0 &lt; h &lt;= 0.5)
 * @param maxSteps most steps taken when no rest point is reached
 * @param restSpeed the run stops at a rest point once every share changes slower than this per
 *     normalised time unit
 * @param recordEvery keep every k-th state in the trajectory (the first and last are always kept)
 */
public record ReplicatorSettings(double stepSize, int maxSteps, double restSpeed, int recordEvery) {
    /** Upper bound on steps, so a run stays within seconds. */
    public static final int MAX_STEPS = 10_000_000;

    public ReplicatorSettings {
        if (!(stepSize > 0 && stepSize <= 0.5)) {
            throw new IllegalArgumentException("stepSize: must be > 0 and <= 0.5 (normalised time), was " + stepSize);
        }
        if (maxSteps < 1 || maxSteps > MAX_STEPS) {
            throw new IllegalArgumentException("maxSteps: must be between 1 and " + MAX_STEPS + ", was " + maxSteps);
        }
        if (!(restSpeed >= 0) || !Double.isFinite(restSpeed)) {
            throw new IllegalArgumentException("restSpeed: must be a finite number >= 0, was " + restSpeed);
        }
        if (recordEvery < 1) {
            throw new IllegalArgumentException("recordEvery: must be a whole number >= 1, was " + recordEvery);
        }
    }

    /** Settings that keep every state. */
    public ReplicatorSettings(double stepSize, int maxSteps, double restSpeed) {
        this(stepSize, maxSteps, restSpeed, 1);
    }

    /**
     * Step 0.01 (RK4 error per unit time about 1e-8 for payoffs of size 1), up to 100,000 steps
     * (1,000 time units), rest when every share moves slower than 1e-10 per time unit, keeping
     * every 10th state (one per 0.1 time unit).
     */
    public static ReplicatorSettings defaults() {
        return new ReplicatorSettings(0.01, 100_000, 1e-10, 10);
    }
}
