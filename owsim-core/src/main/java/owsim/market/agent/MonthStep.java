package owsim.market.agent;

import java.util.SplittableRandom;
import owsim.market.network.Network;
import owsim.market.network.Seeds;

/**
 * One month for every user, in this order: awareness of each lab (word of mouth from last month's
 * users), then choice (a reconsidering user draws among the options of the labs it knows, by
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
    private final long seed;
    private final int blocks;
    private long[] usersByLab;

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
        if (usersByLab == null) usersByLab = countUsersByLab(c);
        // Fully mixed: one awareness probability per (segment, lab) for everybody this month.
        double[] mixedHazard = new double[c.segments * labs];
        for (int s = 0; s < c.segments; s++) {
            for (int l = 0; l < labs; l++) {
                double x = (double) usersByLab[l] / users;
                int k = s * labs + l;
                mixedHazard[k] = -Math.expm1(-(c.awarenessPPerYear[k] + c.awarenessQPerYear[k] * x) * c.dtYears);
            }
        }
        long[] blockUsers = new long[blocks * options];
        double[] blockTokens = new double[blocks * options];
        long[] blockAware = new long[blocks * labs];
        boolean mixed = network.isFullyMixed();
        executor.forEachBlock(blocks, block -> {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.MONTH_STEP, month, block));
            int lo = block * Population.BLOCK_USERS;
            int hi = Math.min(users, lo + Population.BLOCK_USERS);
            if (mixed) {
                stepMixedBlock(c, mixedHazard, rng, lo, hi, block, blockUsers, blockTokens, blockAware);
            } else {
                stepNetworkBlock(c, rng, lo, hi, block, blockUsers, blockTokens, blockAware);
            }
        });
        population.swapOptions();
        long[] usersByOption = new long[options];
        double[] tokensByOption = new double[options];
        long[] awareByLab = new long[labs];
        for (int b = 0; b < blocks; b++) {
            for (int o = 0; o < options; o++) {
                usersByOption[o] += blockUsers[b * options + o];
                tokensByOption[o] += blockTokens[b * options + o];
            }
            for (int l = 0; l < labs; l++) awareByLab[l] += blockAware[b * labs + l];
        }
        long[] byLab = new long[labs];
        for (int o = 0; o < options; o++) byLab[c.optionLab[o]] += usersByOption[o];
        usersByLab = byLab;
        return new MonthTally(usersByOption, tokensByOption, byLab.clone(), awareByLab);
    }

    private long[] countUsersByLab(MonthCoefficients c) {
        long[] byLab = new long[c.labs];
        short[] option = population.option;
        for (short o : option) if (o >= 0) byLab[c.optionLab[o]]++;
        return byLab;
    }

    private void stepMixedBlock(MonthCoefficients c, double[] hazard, SplittableRandom rng, int lo, int hi, int block,
                                long[] blockUsers, double[] blockTokens, long[] blockAware) {
        int labs = c.labs;
        int options = c.options;
        byte[] segment = population.segment;
        int[] aware = population.awareLabs;
        short[] option = population.option;
        short[] next = population.nextOption;
        float[] usage = population.usageTokensPerMonth;
        int uBase = block * options;
        int aBase = block * labs;
        for (int i = lo; i < hi; i++) {
            int s = segment[i];
            int bits = aware[i];
            int hBase = s * labs;
            for (int l = 0; l < labs; l++) {
                if ((bits >>> l & 1) == 0 && rng.nextDouble() < hazard[hBase + l]) bits |= 1 << l;
            }
            aware[i] = bits;
            int o = option[i];
            if (rng.nextDouble() < c.reconsiderPerMonth[s]) o = choose(c, s, bits, rng.nextDouble());
            next[i] = (short) o;
            if (o >= 0) {
                blockUsers[uBase + o]++;
                blockTokens[uBase + o] += usage[i];
            }
            for (int l = 0; l < labs; l++) blockAware[aBase + l] += bits >>> l & 1;
        }
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
        int uBase = block * options;
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
            if (o >= 0) {
                blockUsers[uBase + o]++;
                blockTokens[uBase + o] += usage[i];
            }
            for (int l = 0; l < labs; l++) blockAware[aBase + l] += bits >>> l & 1;
        }
    }

    /** Logit draw among the options of known labs plus the outside option (weight 1); u uniform in [0, 1). */
    static int choose(MonthCoefficients c, int segment, int awareBits, double u) {
        if (awareBits == 0) return Population.NO_OPTION;
        int options = c.options;
        int base = segment * options;
        double[] w = c.choiceWeight;
        int[] lab = c.optionLab;
        double total = 1;
        for (int o = 0; o < options; o++) if ((awareBits >>> lab[o] & 1) != 0) total += w[base + o];
        double r = u * total - 1;
        if (r < 0) return Population.NO_OPTION;
        int last = Population.NO_OPTION;
        for (int o = 0; o < options; o++) {
            if ((awareBits >>> lab[o] & 1) != 0) {
                r -= w[base + o];
                last = o;
                if (r < 0) return o;
            }
        }
        return last; // rounding left r a hair above 0: the last known option
    }
}
