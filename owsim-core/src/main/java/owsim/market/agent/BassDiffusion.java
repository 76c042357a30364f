package owsim.market.agent;

import java.util.SplittableRandom;
import owsim.market.network.Network;
import owsim.random.Seeds;
import owsim.progress.ProgressListener;
import owsim.progress.ProgressMeter;

/**
 * Bass diffusion over individual users: each month every non-adopter adopts with a probability
 * that depends on who had adopted at the end of last month. Fully mixed, that probability is the
 * exact one-step transition of the continuous model at the population's adopted share
 * ({@link BassCurve#stepProbability}), so the share follows the closed-form curve; on a network
 * it is 1 - exp(-(p + q x) dt) with x the adopted share of the user's own neighbours (isolated
 * users feel only p), and the curve is whatever the network makes of it (see the package doc).
 * Adoption is permanent (no churn), as in Bass's model.
 */
public final class BassDiffusion {
    private final Population population;
    private final Network network;
    private final BassCurve curve;
    private final double dtYears;
    private final long seed;
    private final BlockExecutor executor;
    private final long[] adoptersByBlock;
    private long adopters;

    public BassDiffusion(Population population, Network network, BassCurve curve, double dtYears, long seed, BlockExecutor executor) {
        if (network.nodes() != population.users()) {
            throw new IllegalArgumentException("network: has " + network.nodes() + " nodes but the population has "
                + population.users() + " users");
        }
        if (!(dtYears > 0)) throw new IllegalArgumentException("dtYears: must be > 0, was " + dtYears);
        this.population = population;
        this.network = network;
        this.curve = curve;
        this.dtYears = dtYears;
        this.seed = seed;
        this.executor = executor;
        this.adoptersByBlock = new long[Population.blocks(population.users())];
        this.adopters = population.adopterCount();
    }

    /** Adopted share now. */
    public double adoptedShare() {
        return (double) adopters / population.users();
    }

    /** Advances one step (month index {@code month} selects the random streams) and returns the new share. */
    public double step(int month) {
        int users = population.users();
        byte[] now = population.adopted;
        byte[] next = population.nextAdopted;
        double mixedProbability = curve.stepProbability(adoptedShare(), dtYears);
        int[] offsets = network.offsets();
        int[] neighbours = network.neighbours();
        boolean mixed = network.isFullyMixed();
        executor.forEachBlock(adoptersByBlock.length, block -> {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.BASS, month, block));
            int hi = Math.min(users, (block + 1) * Population.BLOCK_USERS);
            long count = 0;
            for (int i = block * Population.BLOCK_USERS; i < hi; i++) {
                byte a = now[i];
                if (a == 0) {
                    double h;
                    if (mixed) {
                        h = mixedProbability;
                    } else {
                        int lo = offsets[i];
                        int end = offsets[i + 1];
                        int adoptedNeighbours = 0;
                        for (int k = lo; k < end; k++) adoptedNeighbours += now[neighbours[k]];
                        double x = end > lo ? (double) adoptedNeighbours / (end - lo) : 0;
                        h = curve.networkStepProbability(x, dtYears);
                    }
                    if (rng.nextDouble() < h) a = 1;
                }
                next[i] = a;
                count += a;
            }
            adoptersByBlock[block] = count;
        });
        population.swapAdopted();
        long total = 0;
        for (long c : adoptersByBlock) total += c;
        adopters = total;
        return adoptedShare();
    }

    /** Runs {@code months} steps from month 0; returns the share after each (index m = after m + 1 steps). */
    public double[] run(int months, ProgressListener listener) {
        double[] shares = new double[months];
        ProgressMeter meter = new ProgressMeter("bass diffusion", (long) months * population.users(), listener);
        for (int m = 0; m < months; m++) {
            shares[m] = step(m);
            meter.advance(population.users());
        }
        return shares;
    }
}
