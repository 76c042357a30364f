package owsim.market.agent;

import java.util.SplittableRandom;
import owsim.market.network.Network;
import owsim.random.Seeds;

/**
 * One month for every user, in this order: awareness of each lab (word of mouth from last month's
 * users: fully mixed, the share of the user's own segment using the lab; on a network, the share
 * of the user's neighbours), then choice (a reconsidering user draws among the options of the labs it knows, by
 * logit weights), then usage (the chosen option's tokens are tallied). Reads last month's options
 * and writes next month's (double buffer), so blocks run in any order on any number of threads;
 * each block draws from its own stream derived from (seed, month, block).
 *
 * <p>The coefficients come from the market's mechanisms each month ({@link MonthCoefficients});
 * this class only applies them to individuals.
 */
public final class MonthStep {
    private final Population population;
    private final Network network;
    private final BlockExecutor executor;
    private static final long LOW_32 = 0xffffffffL;
    /** Up to this many labs, aware users are counted by awareness pattern (one increment per user). */
    private static final int MASK_HISTOGRAM_MAX_LABS = 10;

    private final long seed;
    private final int blocks;
    private final long[] segmentSize;
    /** Last month's users of each lab in each segment, [segment * labs + lab]; null = recount. */
    private long[] usersBySegmentLab;

    public MonthStep(Population population, Network network, BlockExecutor executor, long seed) {
        if (network.nodes() != population.users()) {
            throw new IllegalArgumentException("network: has " + network.nodes() + " nodes but the population has "
                + population.users() + " users");
        }
        this.population = population;
        this.network = network;
        this.executor = executor;
        this.seed = seed;
        this.blocks = Population.blocks(population.users());
        this.segmentSize = new long[population.segments().size()];
        for (byte g : population.segment) segmentSize[g]++;
    }

    /** Call after changing the population's options from outside (restore, seeding): recounts users per lab. */
    public void stateChanged() {
        usersBySegmentLab = null;
    }

    /** Advances one month with this month's coefficients and returns its totals. */
    public MonthTally step(int month, MonthCoefficients c) {
        if (c.labs != population.labs()) {
            throw new IllegalArgumentException("coefficients: for " + c.labs + " labs, population has " + population.labs());
        }
        if (c.segments != population.segments().size()) {
            throw new IllegalArgumentException("coefficients: for " + c.segments + " segments, population has "
                + population.segments().size());
        }
        int users = population.users();
        int labs = c.labs;
        int options = c.options;
        int segments = c.segments;
        if (usersBySegmentLab == null) usersBySegmentLab = countUsersBySegmentLab(c);
        // Fully mixed: one awareness probability per (segment, lab) for everybody this month.
        long[] mixedThreshold = new long[c.segments * labs];
        long[] reconsiderThreshold = new long[c.segments];
        for (int s = 0; s < c.segments; s++) {
            reconsiderThreshold[s] = threshold(c.reconsiderPerMonth[s]);
            for (int l = 0; l < labs; l++) {
                int k = s * labs + l;
                double x = segmentSize[s] == 0 ? 0 : (double) usersBySegmentLab[k] / segmentSize[s];
                mixedThreshold[k] = threshold(-Math.expm1(-(c.awarenessPPerYear[k] + c.awarenessQPerYear[k] * x) * c.dtYears));
            }
        }
        long[] blockUsers = new long[blocks * segments * options];
        double[] blockTokens = new double[blocks * segments * options];
        long[] blockAware = new long[blocks * labs];
        boolean mixed = network.isFullyMixed();
        executor.forEachBlock(blocks, block -> {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.MONTH_STEP, month, block));
            int lo = block * Population.BLOCK_USERS;
            int hi = Math.min(users, lo + Population.BLOCK_USERS);
            if (mixed) {
                stepMixedBlock(c, mixedThreshold, reconsiderThreshold, rng, lo, hi, block, blockUsers, blockTokens, blockAware);
            } else {
                stepNetworkBlock(c, rng, lo, hi, block, blockUsers, blockTokens, blockAware);
            }
        });
        population.swapOptions();
        int cells = segments * options;
        long[] usersBySegmentOption = new long[cells];
        double[] tokensBySegmentOption = new double[cells];
        long[] awareByLab = new long[labs];
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < cells; k++) {
                usersBySegmentOption[k] += blockUsers[b * cells + k];
                tokensBySegmentOption[k] += blockTokens[b * cells + k];
            }
            for (int l = 0; l < labs; l++) awareByLab[l] += blockAware[b * labs + l];
        }
        long[] bySegmentLab = new long[segments * labs];
        for (int s = 0; s < segments; s++) {
            for (int o = 0; o < options; o++) bySegmentLab[s * labs + c.optionLab[o]] += usersBySegmentOption[s * options + o];
        }
        usersBySegmentLab = bySegmentLab;
        return new MonthTally(segments, usersBySegmentOption, tokensBySegmentOption, bySegmentLab.clone(), awareByLab);
    }

    private long[] countUsersBySegmentLab(MonthCoefficients c) {
        long[] counts = new long[c.segments * c.labs];
        short[] option = population.option;
        byte[] segment = population.segment;
        for (int i = 0; i < option.length; i++) {
            int o = option[i];
            if (o >= 0) counts[segment[i] * c.labs + c.optionLab[o]]++;
        }
        return counts;
    }

    /**
     * The fully mixed loop, the hot path. Each user consumes a fixed number of random bits (one
     * 32-bit uniform per lab and one for reconsidering, two per {@code nextLong}), so the awareness
     * update needs no branch on what the user already knows: {@code bits |= [u < threshold] << l}
     * with thresholds h * 2^32 (resolution 2.3e-10). Only reconsidering users draw again, for the choice.
     */
    private void stepMixedBlock(MonthCoefficients c, long[] hazardThreshold, long[] reconsiderThreshold, SplittableRandom rng,
                                int lo, int hi, int block, long[] blockUsers, double[] blockTokens, long[] blockAware) {
        int labs = c.labs;
        int options = c.options;
        byte[] segment = population.segment;
        int[] aware = population.awareLabs;
        short[] option = population.option;
        short[] next = population.nextOption;
        float[] usage = population.usageTokensPerMonth;
        boolean maskHistogram = labs <= MASK_HISTOGRAM_MAX_LABS;
        int[] usersByMask = maskHistogram ? new int[1 << labs] : null;
        int row = options + 1; // per segment, slot 0 = no option, so the tally needs no branch
        long[] users = new long[c.segments * row];
        double[] tokens = new double[c.segments * row];
        int aBase = block * labs;
        for (int i = lo; i < hi; i++) {
            int s = segment[i];
            int bits = aware[i];
            int hBase = s * labs;
            long pool = 0;
            for (int l = 0; l < labs; l++) {
                long u;
                if ((l & 1) == 0) {
                    pool = rng.nextLong();
                    u = pool >>> 32;
                } else {
                    u = pool & LOW_32;
                }
                bits |= (int) ((u - hazardThreshold[hBase + l]) >>> 63) << l;
            }
            aware[i] = bits;
            long uReconsider = (labs & 1) == 0 ? rng.nextLong() >>> 32 : pool & LOW_32;
            int o = option[i];
            if (uReconsider < reconsiderThreshold[s]) o = choose(c, s, bits, rng.nextDouble());
            next[i] = (short) o;
            users[s * row + o + 1]++;
            tokens[s * row + o + 1] += usage[i];
            if (maskHistogram) {
                usersByMask[bits]++;
            } else {
                for (int l = 0; l < labs; l++) blockAware[aBase + l] += bits >>> l & 1;
            }
        }
        if (maskHistogram) {
            for (int mask = 1; mask < usersByMask.length; mask++) {
                if (usersByMask[mask] == 0) continue;
                for (int l = 0; l < labs; l++) if ((mask >>> l & 1) != 0) blockAware[aBase + l] += usersByMask[mask];
            }
        }
        copyTally(c, block, users, tokens, blockUsers, blockTokens);
    }

    /** Block-local per-segment rows (slot 0 = no option) into the block's slots of the month tally. */
    private static void copyTally(MonthCoefficients c, int block, long[] users, double[] tokens, long[] blockUsers, double[] blockTokens) {
        int options = c.options;
        int row = options + 1;
        int base = block * c.segments * options;
        for (int s = 0; s < c.segments; s++) {
            System.arraycopy(users, s * row + 1, blockUsers, base + s * options, options);
            System.arraycopy(tokens, s * row + 1, blockTokens, base + s * options, options);
        }
    }

    /** Probability h as a threshold on a uniform 32-bit integer: P(u < threshold) = h to 2.3e-10. */
    static long threshold(double probability) {
        return Math.round(probability * (double) (1L << 32));
    }

    private void stepNetworkBlock(MonthCoefficients c, SplittableRandom rng, int lo, int hi, int block,
                                  long[] blockUsers, double[] blockTokens, long[] blockAware) {
        int labs = c.labs;
        int options = c.options;
        byte[] segment = population.segment;
        int[] aware = population.awareLabs;
        short[] option = population.option;
        short[] next = population.nextOption;
        float[] usage = population.usageTokensPerMonth;
        int[] offsets = network.offsets();
        int[] neighbours = network.neighbours();
        int[] usersOfLab = new int[labs];
        int row = options + 1;
        long[] users = new long[c.segments * row];
        double[] tokens = new double[c.segments * row];
        int aBase = block * labs;
        for (int i = lo; i < hi; i++) {
            int s = segment[i];
            int bits = aware[i];
            int start = offsets[i];
            int end = offsets[i + 1];
            java.util.Arrays.fill(usersOfLab, 0);
            for (int k = start; k < end; k++) {
                int o = option[neighbours[k]];
                if (o >= 0) usersOfLab[c.optionLab[o]]++;
            }
            double inverseDegree = end > start ? 1.0 / (end - start) : 0;
            int hBase = s * labs;
            for (int l = 0; l < labs; l++) {
                if ((bits >>> l & 1) != 0) continue;
                double rate = c.awarenessPPerYear[hBase + l] + c.awarenessQPerYear[hBase + l] * usersOfLab[l] * inverseDegree;
                if (rng.nextDouble() < -Math.expm1(-rate * c.dtYears)) bits |= 1 << l;
            }
            aware[i] = bits;
            int o = option[i];
            if (rng.nextDouble() < c.reconsiderPerMonth[s]) o = choose(c, s, bits, rng.nextDouble());
            next[i] = (short) o;
            users[s * row + o + 1]++;
            tokens[s * row + o + 1] += usage[i];
            for (int l = 0; l < labs; l++) blockAware[aBase + l] += bits >>> l & 1;
        }
        copyTally(c, block, users, tokens, blockUsers, blockTokens);
    }

    /** Logit draw among the options of known labs plus the outside option; u uniform in [0, 1). */
    static int choose(MonthCoefficients c, int segment, int awareBits, double u) {
        return c.choose(segment, awareBits, u);
    }
}
