package owsim.market;

import java.util.Arrays;

/**
 * exp(v) that remembers its last argument in each slot. Consecutive user classes of a segment
 * (usage bins, hardware) often give an option exactly the same utility (a plan's fee, no shortfall,
 * the same model), so the choice step reuses the exponential instead of recomputing it; the
 * result is the same double either way.
 */
final class ExpCache {
    private final double[] argument;
    private final double[] value;

    ExpCache(int slots) {
        argument = new double[slots];
        value = new double[slots];
        Arrays.fill(argument, Double.NaN);   // NaN equals nothing: the first call computes
    }

    double exp(int slot, double v) {
        if (v == argument[slot]) return value[slot];
        argument[slot] = v;
        value[slot] = Math.exp(v);
        return value[slot];
    }
}
