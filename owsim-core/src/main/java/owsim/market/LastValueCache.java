package owsim.market;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A costly function (exp, log) that remembers its last argument in each slot. Consecutive user
 * classes of a segment (usage bins, hardware) often give an option exactly the same utility (a
 * plan's fee, no shortfall, the same model), and so the same choice denominators; the choice step
 * then reuses the value instead of recomputing it. The result is the same double either way.
 */
final class LastValueCache {
    private final DoubleUnaryOperator function;
    private final double[] argument;
    private final double[] value;

    LastValueCache(int slots, DoubleUnaryOperator function) {
        this.function = function;
        argument = new double[slots];
        value = new double[slots];
        Arrays.fill(argument, Double.NaN);   // NaN equals nothing: the first call computes
    }

    double apply(int slot, double x) {
        if (x == argument[slot]) return value[slot];
        argument[slot] = x;
        value[slot] = function.applyAsDouble(x);
        return value[slot];
    }

    /**
     * The value at x: this cache's slot if its last argument was x, else {@code next}'s slot
     * {@code nextSlot} (which computes on a miss), remembered here. Both caches must hold the same
     * function; the result is the same double as {@link #apply(int, double)}.
     */
    double apply(int slot, double x, LastValueCache next, int nextSlot) {
        if (x == argument[slot]) return value[slot];
        argument[slot] = x;
        value[slot] = next.apply(nextSlot, x);
        return value[slot];
    }
}
