package owsim.experiment;

/**
 * What one experiment run produced: its place in the design, its seed, inputs and outputs.
 *
 * @param runId design row times replications plus replication
 * @param row the design point (row of the sample matrix)
 * @param replication 0-based replication of that point
 * @param seed the run's seed, {@code Seeds.replication(rootSeed, row, replication)}
 * @param parameters the varied values, in the experiment's parameter order
 * @param metrics the output figures, in the experiment's metric order
 */
public record RunOutput(int runId, int row, int replication, long seed, double[] parameters, double[] metrics) {}
