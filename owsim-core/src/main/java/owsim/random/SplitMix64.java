package owsim.random;

/**
 * SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators"):
 * a 64-bit counter advanced by the golden-ratio increment and scrambled by a fixed mixer.
 * Implemented here rather than taken from the JDK so the same seed gives the same stream on
 * every Java version. Not thread-safe: each run owns its own instance.
 */
public final class SplitMix64 {
    /**
     * 2^64 / golden ratio, odd: the counter visits every 64-bit value once per period. A stream
     * seeded with s gives mix(s + GOLDEN_GAMMA), mix(s + 2 GOLDEN_GAMMA), ..., the same longs as
     * {@code java.util.SplittableRandom(s)}; a hot loop may keep that counter in a local.
     */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** Most draws {@link #fill} makes in one call. */
    public static final int FILL_MAX = 1024;
    /** (k + 1) GOLDEN_GAMMA: the counter's steps to a stream's next {@link #FILL_MAX} draws. */
    private static final long[] STEPS = new long[FILL_MAX];

    static {
        for (int k = 0; k < FILL_MAX; k++) STEPS[k] = GOLDEN_GAMMA * (k + 1);
    }

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The bijective mixer (variant 13 of Stafford's MurmurHash3 finaliser). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return unit(nextLong());
    }

    /**
     * The next {@code out.length} (at most {@link #FILL_MAX}) draws of a stream whose counter is
     * at {@code state}: {@code out[k]} is the (k + 1)-th {@link #nextLong()} of a generator in
     * that state. Nothing is advanced: the caller moves its counter by GOLDEN_GAMMA per draw it
     * uses. Every draw is independent of the others, so the JIT compiles this loop to vector
     * instructions: several times cheaper per draw than one {@link #nextLong()} at a time, whose
     * counter is a chain from draw to draw.
     */
    public static void fill(long[] out, long state) {
        if (out.length > FILL_MAX) throw new IllegalArgumentException("out: at most " + FILL_MAX + " draws, was " + out.length);
        long[] steps = STEPS;
        for (int k = 0; k < out.length; k++) out[k] = mix(state + steps[k]);
    }

    /** The uniform on [0, 1) that {@link #nextDouble()} makes of a draw: its 53 high bits. */
    public static double unit(long draw) {
        return (draw >>> 11) * 0x1.0p-53;
    }

    /** Uniform on {0, ..., bound-1}, without modulo bias (rejection of the short last block). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be > 0, was " + bound);
        // 2^64 mod bound: the values below it are the short extra block that would favour small
        // results; without them, the count of values left is a multiple of bound
        long threshold = Long.remainderUnsigned(-(long) bound, bound);
        while (true) {
            long r = nextLong();
            if (Long.compareUnsigned(r, threshold) >= 0) return (int) Long.remainderUnsigned(r, bound);
        }
    }

    /** Fisher-Yates shuffle of a in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i]; a[i] = a[j]; a[j] = t;
        }
    }
}
