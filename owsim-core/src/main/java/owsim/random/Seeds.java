package owsim.random;

/**
 * Every seed of the simulator, derived from a root or run seed by position and key only, so a
 * random stream never depends on the order work is executed in or on the thread count. One mixer
 * ({@link SplitMix64#mix}) serves them all.
 *
 * <p>Experiments: {@code run(root, i)} is the (i+1)-th output of a SplitMix64 generator seeded with
 * {@code root}: {@code mix(root + (i + 1) * GOLDEN_GAMMA)}. Because the increment is odd and the
 * mixer is a bijection, two different run indices under one root never get the same seed.
 * {@code replication(root, i, r)} applies the same step to the run's seed with index r. A design
 * that needs randomness of its own (Latin hypercube, Morris) uses {@code stream(root, tag)}, a
 * generator keyed by a fixed tag so that it never shares a stream with a run.
 *
 * <p>Within a run: {@code derive(seed, stream, a, b)} gives each block of work (a network block,
 * a month's block of users) its own {@link java.util.SplittableRandom} seed, keyed by one of the
 * stream constants below, so a result never depends on which thread ran which block.
 */
public final class Seeds {
    private Seeds() {}

    /** Stream keys: one per kind of random work within a run, so streams never overlap by accident. */
    public static final long NETWORK_ERDOS_RENYI = 0x45520001L;
    public static final long NETWORK_WATTS_STROGATZ = 0x57530002L;
    public static final long NETWORK_BARABASI_ALBERT = 0x42410003L;
    public static final long POPULATION = 0x504f0004L;
    public static final long BASS = 0x42530005L;
    public static final long MONTH_STEP = 0x4d530006L;
    public static final long AGENT_START = 0x41530007L;
    public static final long AGENT_MONTH = 0x414d0008L;
    /** A month's block of users drawing their second assistant (mechanism multiHoming), apart from their first choice's stream. */
    public static final long AGENT_SECOND_ASSISTANT = 0x4d480009L;

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

    /** A well-mixed 64-bit seed for (seed, stream, a, b); distinct inputs give unrelated outputs. */
    public static long derive(long seed, long stream, long a, long b) {
        long z = SplitMix64.mix(seed + SplitMix64.GOLDEN_GAMMA * (stream + 1));
        z = SplitMix64.mix(z + SplitMix64.GOLDEN_GAMMA * (a + 1));
        return SplitMix64.mix(z + SplitMix64.GOLDEN_GAMMA * (b + 1));
    }

    /** A seed for (seed, stream, a). */
    public static long derive(long seed, long stream, long a) {
        return derive(seed, stream, a, -1);
    }

    private static long child(long parent, long index) {
        return SplitMix64.mix(parent + (index + 1) * SplitMix64.GOLDEN_GAMMA);
    }
}
