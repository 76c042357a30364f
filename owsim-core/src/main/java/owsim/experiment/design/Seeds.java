package owsim.experiment.design;

/**
 * Seeds of runs and replications, derived from the experiment's root seed by position only, so a
 * run's random stream does not depend on the order runs are executed in or on the thread count.
 *
 * <p>{@code run(root, i)} is the (i+1)-th output of a SplitMix64 generator seeded with
 * {@code root}: {@code mix(root + (i + 1) * GOLDEN_GAMMA)}. Because the increment is odd and the
 * mixer is a bijection, two different run indices under one root never get the same seed.
 * {@code replication(root, i, r)} applies the same step to the run's seed with index r. A design
 * that needs randomness of its own (Latin hypercube, Morris) uses {@code stream(root, tag)}, a
 * generator keyed by a fixed tag so that it never shares a stream with a run.
 */
public final class Seeds {
    private Seeds() {}

    /** Seed of run {@code runIndex} (0-based) of an experiment with root seed {@code rootSeed}. */
    public static long run(long rootSeed, long runIndex) {
        if (runIndex < 0) throw new IllegalArgumentException("runIndex must be >= 0, was " + runIndex);
        return child(rootSeed, runIndex);
    }

    /** Seed of replication {@code replication} (0-based) of run {@code runIndex}. */
    public static long replication(long rootSeed, long runIndex, int replication) {
        if (replication < 0) throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        return child(run(rootSeed, runIndex), replication);
    }

    /** A generator for a design's own sampling, keyed by a tag such as "latin-hypercube". */
    public static SplitMix64 stream(long rootSeed, String tag) {
        long h = 0xCBF29CE484222325L;  // FNV-1a 64 of the tag: a fixed, documented key
        for (int i = 0; i < tag.length(); i++) {
            h ^= tag.charAt(i);
            h *= 0x100000001B3L;
        }
        return new SplitMix64(SplitMix64.mix(rootSeed ^ h));
    }

    private static long child(long parent, long index) {
        return SplitMix64.mix(parent + (index + 1) * SplitMix64.GOLDEN_GAMMA);
    }
}
