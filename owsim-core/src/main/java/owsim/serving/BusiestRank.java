package owsim.serving;

/**
 * The expected largest of {@code ranks} independent Poisson counts of mean {@code mean}: how many prompts the busiest
 * data-parallel attention rank receives in a step when prompts arrive at random. In aggregated serving under
 * data-parallel attention every rank waits for the busiest at the next expert all-to-all, so the prefill of the
 * attention and dense layers runs at the busiest rank's pace, not the mean's (SGLang's "DP attention imbalance",
 * lmsys.org/blog/2025-05-05-large-scale-ep). Exact sum of 1 - F(k-1)^ranks for small means; the Gaussian tail
 * (mean + sqrt(2 ln ranks x mean)) above 50.
 */
final class BusiestRank {
    private BusiestRank() {}

    static double expectedMax(double mean, int ranks) {
        if (ranks <= 1 || mean <= 0) return Math.max(0, mean);
        if (mean > 50) return mean + Math.sqrt(2 * Math.log(ranks) * mean);
        double pmf = Math.exp(-mean);
        double cdf = pmf;
        double sum = 0;
        for (int k = 1; k < 10_000; k++) {
            double term = 1 - Math.pow(cdf, ranks);
            sum += term;
            if (term < 1e-9 && k > mean) break;
            pmf *= mean / k;
            cdf = Math.min(1, cdf + pmf);
        }
        return sum;
    }

    /** How much longer the busiest rank's share takes than the mean share: expectedMax / mean, at least 1. */
    static double stretch(double mean, int ranks) {
        if (ranks <= 1 || mean <= 0) return 1;
        return Math.max(1, expectedMax(mean, ranks) / mean);
    }
}
