package owsim.market.network;

/**
 * Derives independent random seeds from a run seed and a few keys (stream, month, block), so each
 * block of work gets its own {@link java.util.SplittableRandom} and a result never depends on which
 * thread ran which block, or in what order.
 */
public final class Seeds {
    private Seeds() {}

    /** Stream keys: one per kind of random work, so streams never overlap by accident. */
    public static final long NETWORK_ERDOS_RENYI = 0x45520001L;
    public static final long NETWORK_WATTS_STROGATZ = 0x57530002L;
    public static final long NETWORK_BARABASI_ALBERT = 0x42410003L;
    public static final long POPULATION = 0x504f0004L;
    public static final long BASS = 0x42530005L;
    public static final long MONTH_STEP = 0x4d530006L;
    public static final long AGENT_START = 0x41530007L;
    public static final long AGENT_MONTH = 0x414d0008L;

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    /** A well-mixed 64-bit seed for (seed, stream, a, b); distinct inputs give unrelated outputs. */
    public static long derive(long seed, long stream, long a, long b) {
        long z = mix(seed + GOLDEN * (stream + 1));
        z = mix(z + GOLDEN * (a + 1));
        return mix(z + GOLDEN * (b + 1));
    }

    /** A seed for (seed, stream, a). */
    public static long derive(long seed, long stream, long a) {
        return derive(seed, stream, a, -1);
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijection with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
