package owsim.market.agent;

import java.util.List;
import owsim.io.Check;

/**
 * How one user segment's individuals are drawn: its share of the population, a lognormal usage
 * (median tokens per month and the standard deviation of its logarithm), and the shares of the
 * hardware VRAM classes its members own (class 0 = no usable GPU; the scenario names the classes). The market scenario supplies the values and their sources.
 */
record UserSegment(
    String id,
    double share,
    double usageMedianTokensPerMonth,
    double usageLogSigma,
    List<Double> vramClassShares) {

    public UserSegment {
        Check.identifier("id", id);
        Check.fraction("share", share);
        Check.positive("usageMedianTokensPerMonth", usageMedianTokensPerMonth);
        Check.nonNegative("usageLogSigma", usageLogSigma);
        Check.required("vramClassShares", vramClassShares);
        vramClassShares = List.copyOf(vramClassShares);
        if (vramClassShares.isEmpty() || vramClassShares.size() > 127) {
            throw new IllegalArgumentException("vramClassShares: must list 1 to 127 shares, had " + vramClassShares.size());
        }
        double sum = 0;
        for (double s : vramClassShares) sum += Check.fraction("vramClassShares", s);
        if (Math.abs(sum - 1) > 1e-6) throw new IllegalArgumentException("vramClassShares: must sum to 1, sum to " + sum);
    }
}
