package owsim.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import owsim.market.agent.BlockExecutor;
import owsim.market.agent.MonthCoefficients;
import owsim.market.agent.Population;
import owsim.market.agent.UserSegment;

/**
 * The benchmark world for the agent step: 5 labs with 2 options each (10 options), 3 segments,
 * every user half aware of each lab and holding a logit choice to start with. Parameter values are
 * plausible magnitudes chosen for timing (assumption: speed does not depend on them beyond the
 * share of users who draw), not a calibrated market.
 */
final class AgentWorkload {
    private AgentWorkload() {}

    static final int LABS = 5;
    static final int OPTIONS = 2 * LABS;
    static final double MONTH_YEARS = 1.0 / 12;

    static final List<UserSegment> SEGMENTS = List.of(
        new UserSegment("consumers", 0.85, 300_000, 1.2, 20, 0.8, List.of(0.92, 0.06, 0.02)),
        new UserSegment("developers", 0.12, 5_000_000, 1.5, 200, 1.0, List.of(0.5, 0.3, 0.2)),
        new UserSegment("hobbyists", 0.03, 2_000_000, 1.3, 50, 0.9, List.of(0.1, 0.5, 0.4)));

    /** Month coefficients: p = 0.3/yr external, q = 0.5/yr word of mouth, 10% reconsider a month. */
    static MonthCoefficients coefficients() {
        int segments = SEGMENTS.size();
        double[] p = new double[segments * LABS];
        double[] q = new double[segments * LABS];
        Arrays.fill(p, 0.3);
        Arrays.fill(q, 0.5);
        int[] optionLab = new int[OPTIONS];
        double[] utility = new double[segments * OPTIONS];
        for (int o = 0; o < OPTIONS; o++) optionLab[o] = o / 2;
        for (int s = 0; s < segments; s++) {
            for (int o = 0; o < OPTIONS; o++) utility[s * OPTIONS + o] = 0.3 * (o % 3) - 0.2 * s + 0.1 * (o / 2);
        }
        double[] reconsider = {0.1, 0.1, 0.1};
        return new MonthCoefficients(segments, LABS, MONTH_YEARS, p, q, reconsider, optionLab, utility);
    }

    /** The array population with its starting state (seeded per block, so any thread count gives the same). */
    static Population population(int users, long seed, BlockExecutor executor) {
        Population pop = Population.generate(users, LABS, SEGMENTS, seed, executor);
        MonthCoefficients c = coefficients();
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5eedL);
        for (int i = 0; i < users; i++) {
            int bits = 0;
            for (int l = 0; l < LABS; l++) {
                if (rng.nextBoolean()) {
                    pop.makeAware(i, l);
                    bits |= 1 << l;
                }
            }
            double u = rng.nextDouble();
            int chosen = Population.NO_OPTION;
            for (int o = 0; o < OPTIONS; o++) {
                u -= c.choiceProbability(pop.segment(i), bits, o);
                if (u < 0) {
                    chosen = o;
                    break;
                }
            }
            pop.setOption(i, chosen);
        }
        return pop;
    }
}
