package owsim.claims.uncertainty;

/**
 * One claim evaluated in one sampled world.
 *
 * @param runId world x claims + the claim's index
 * @param world the world (row of the sample)
 * @param claim the claim's letter
 * @param seed the world's seed
 * @param parameters the world's sampled values, in the set's parameter order
 * @param verdict the verdict's text in this world
 * @param holds whether the claim holds in this world as it is
 * @param margin the signed margin (NaN when the claim gives none)
 * @param marginUnit its unit
 */
public record WorldOutcome(int runId, int world, String claim, long seed, double[] parameters, String verdict, boolean holds,
                           double margin, String marginUnit) {}
