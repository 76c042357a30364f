package owsim.random;

/**
 * SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number generators"):
 * a 64-bit counter advanced by the golden-ratio increment and scrambled by a fixed mixer.
 * Implemented here rather than taken from the JDK so the same seed gives the same stream on
 * every Java version. Not thread-safe: each run owns its own instance.
 */
public final class SplitMix64 {
    /** 2^64 / golden ratio, odd: the counter visits every 64-bit value once per period. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

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
        return (nextLong() >>> 11) * 0x1.0p-53;
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
