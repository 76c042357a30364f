package owsim.market.agent;

import java.util.List;
import java.util.SplittableRandom;
import owsim.random.Seeds;

/**
 * Every individual user's state, as parallel primitive arrays (structure of arrays): one array
 * per attribute, indexed by user. No object per user, so 10 million users fit in a few hundred
 * megabytes and a month's step streams through memory.
 *
 * <p>Byte budget per user (at most 64, the network's CSR arrays not included; see
 * {@link #bytesPerUser()}):
 * <pre>
 *   segment                   byte    1
 *   usageTokensPerMonth       float   4   lognormal draw per segment
 *   vramClass                 byte    1   hardware class (0 = no usable GPU)
 *   awareLabs                 int     4   bit l set = aware of lab l (up to 31 labs)
 *   option, nextOption        short   2+2 chosen option (NO_OPTION = none), double-buffered
 *                                     --
 *                                     14 bytes per user, whatever the number of labs (&lt;= 31)
 * </pre>
 * The agent engine adds each user's class (a short, 2 bytes). The network adds 4 bytes per user
 * (offsets) and 4 per edge end, 4 k bytes for mean degree k. Double buffering means a month's
 * update reads only last month's options: every user sees the same past, whatever the order in
 * which blocks run.
 */
final class Population {
    /** Users per block: the fixed unit of parallel work and of random streams. */
    public static final int BLOCK_USERS = 1 << 14;
    /** Awareness is one bit per lab in an int. */
    public static final int MAX_LABS = 31;
    /** Value of {@code option} for a user with no option (uses nothing this month). */
    public static final short NO_OPTION = -1;

    private final int users;
    private final int labs;
    private final List<UserSegment> segments;
    final byte[] segment;
    final float[] usageTokensPerMonth;
    final byte[] vramClass;
    final int[] awareLabs;
    short[] option;
    short[] nextOption;

    private Population(int users, int labs, List<UserSegment> segments) {
        this.users = users;
        this.labs = labs;
        this.segments = segments;
        segment = new byte[users];
        usageTokensPerMonth = new float[users];
        vramClass = new byte[users];
        awareLabs = new int[users];
        option = new short[users];
        nextOption = new short[users];
        java.util.Arrays.fill(option, NO_OPTION);
        java.util.Arrays.fill(nextOption, NO_OPTION);
    }

    /**
     * Draws {@code users} individuals: segment by share, then usage and VRAM class from the segment. Nobody is aware of any lab or uses any option yet. Deterministic for
     * the seed, whatever the executor's thread count.
     */
    public static Population generate(int users, int labs, List<UserSegment> segments, long seed, BlockExecutor executor) {
        if (users < 1) throw new IllegalArgumentException("users: must be a whole number >= 1, was " + users);
        if (labs < 1 || labs > MAX_LABS) {
            throw new IllegalArgumentException("labs: must be a whole number from 1 to " + MAX_LABS + ", was " + labs);
        }
        if (segments.isEmpty() || segments.size() > 127) {
            throw new IllegalArgumentException("segments: must list 1 to 127 segments, had " + segments.size());
        }
        double shareSum = segments.stream().mapToDouble(UserSegment::share).sum();
        if (Math.abs(shareSum - 1) > 1e-6) throw new IllegalArgumentException("segments: shares must sum to 1, sum to " + shareSum);
        Population pop = new Population(users, labs, List.copyOf(segments));
        double[] segmentCdf = cumulative(segments.stream().mapToDouble(UserSegment::share).toArray());
        double[][] vramCdf = segments.stream()
            .map(s -> cumulative(s.vramClassShares().stream().mapToDouble(Double::doubleValue).toArray()))
            .toArray(double[][]::new);
        executor.forEachBlock(blocks(users), block -> {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.POPULATION, block));
            int hi = Math.min(users, (block + 1) * BLOCK_USERS);
            for (int i = block * BLOCK_USERS; i < hi; i++) {
                int s = pick(segmentCdf, rng.nextDouble());
                UserSegment seg = segments.get(s);
                pop.segment[i] = (byte) s;
                pop.usageTokensPerMonth[i] = (float) (seg.usageMedianTokensPerMonth() * Math.exp(seg.usageLogSigma() * rng.nextGaussian()));
                // A draw no attribute uses (it once gave a willingness to pay), kept so that every
                // seed draws the same users, hardware and runs as before.
                rng.nextGaussian();
                pop.vramClass[i] = (byte) pick(vramCdf[s], rng.nextDouble());
            }
        });
        return pop;
    }

    /** Number of blocks of {@link #BLOCK_USERS} covering {@code users}. */
    public static int blocks(int users) {
        return (users + BLOCK_USERS - 1) / BLOCK_USERS;
    }

    private static double[] cumulative(double[] shares) {
        double[] cdf = new double[shares.length];
        double acc = 0;
        for (int i = 0; i < shares.length; i++) cdf[i] = acc += shares[i];
        cdf[shares.length - 1] = 1.0; // absorb rounding so every draw lands somewhere
        return cdf;
    }

    private static int pick(double[] cdf, double u) {
        int k = 0;
        while (k < cdf.length - 1 && u >= cdf[k]) k++;
        return k;
    }

    public int users() {
        return users;
    }

    public int labs() {
        return labs;
    }

    public List<UserSegment> segments() {
        return segments;
    }

    public int segment(int user) {
        return segment[user];
    }

    public double usageTokensPerMonth(int user) {
        return usageTokensPerMonth[user];
    }

    public int vramClass(int user) {
        return vramClass[user];
    }

    public boolean isAware(int user, int lab) {
        return (awareLabs[user] >>> lab & 1) != 0;
    }

    /** This month's option of the user, or {@link #NO_OPTION}. */
    public int option(int user) {
        return option[user];
    }

    void swapOptions() {
        short[] t = option;
        option = nextOption;
        nextOption = t;
    }

    /** Bytes held by the per-user arrays (element size times length, headers ignored). */
    public long bytes() {
        return (long) segment.length + 4L * usageTokensPerMonth.length + vramClass.length
            + 4L * awareLabs.length + 2L * option.length + 2L * nextOption.length;
    }

    /** {@link #bytes()} per user; 14 with the layout above. */
    public double bytesPerUser() {
        return (double) bytes() / users;
    }
}
