package owsim.claims.uncertainty;

/**
 * One claim evaluated in one sampled world (in one replication of it, with the agent engine).
 *
 * @param runId (world x replications + replication) x claims + the claim's index
 * @param world the world (row of the sample)
 * @param replication 0-based replication of the world (always 0 with the aggregate engine)
 * @param claim the claim's letter
 * @param seed the run's seed: the world's with the aggregate engine, the replication's with the agent engine
 * @param parameters the world's sampled values, in the set's parameter order
 * @param verdict the verdict's text in this world
 * @param holds whether the claim holds in this world as it is
 * @param margin the signed margin (NaN when the claim gives none)
 * @param marginUnit its unit
 */
public record WorldOutcome(int runId, int world, int replication, String claim, long seed, double[] parameters, String verdict, boolean holds,
                           double margin, String marginUnit) {
    /** An outcome of the only replication of a world (the aggregate engine's). */
    public WorldOutcome(int runId, int world, String claim, long seed, double[] parameters, String verdict, boolean holds, double margin,
                        String marginUnit) {
        this(runId, world, 0, claim, seed, parameters, verdict, holds, margin, marginUnit);
    }
}
