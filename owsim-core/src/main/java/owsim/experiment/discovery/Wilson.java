package owsim.experiment.discovery;

import owsim.experiment.analysis.Interval;
import owsim.random.NormalMath;

/**
 * The Wilson score interval for a binomial share (Wilson 1927, JASA 22:209): unlike the normal
 * approximation it stays inside [0, 1] and keeps close to its nominal coverage for shares near 0
 * or 1 and for small samples, the case of a claim that holds in nearly every world.
 */
public final class Wilson {
    private Wilson() {}

    /** The interval for {@code successes} out of {@code n} at {@code confidence} (0.95 for 95 %). */
    public static Interval interval(int successes, int n, double confidence) {
        if (n <= 0) throw new IllegalArgumentException("n must be positive, was " + n);
        if (successes < 0 || successes > n) throw new IllegalArgumentException("successes must be in [0, " + n + "], was " + successes);
        double z = NormalMath.quantile(0.5 + confidence / 2);
        double p = (double) successes / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half), confidence);
    }
}
