package owsim.scenario;

import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fixedSchedules} of a decision section (training budgets, API prices, wage bids): per lab
 * id, one value per decision period, the last holding after. One check and one look-up for all of them.
 */
final class FixedSchedules {
    private FixedSchedules() {}

    /**
     * The schedules checked and copied: each a non-empty list of values in [min, max].
     *
     * @param schedules the section's {@code fixedSchedules} (null: none)
     * @param what what one value is, for the message of an empty list, e.g. "growth factor (factor/year)"
     * @return an unmodifiable copy in the given order
     */
    static Map<String, List<Double>> check(Map<String, List<Double>> schedules, double min, double max, String what) {
        if (schedules == null) return Map.of();
        Map<String, List<Double>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> e : nonNullValues("fixedSchedules", schedules).entrySet()) {
            String field = "fixedSchedules." + e.getKey();
            List<Double> periods = nonNullElements(field, e.getValue());
            if (periods.isEmpty()) throw new IllegalArgumentException(field + ": needs at least one " + what + ", was empty");
            for (double v : periods) range(field, v, min, max);
            kept.put(e.getKey(), List.copyOf(periods));
        }
        return Collections.unmodifiableMap(kept);
    }

    /** The value of a schedule in period {@code period} (0 for the first; before it, the first); the last holds after. */
    static double inPeriod(List<Double> periods, int period) {
        return periods.get(Math.min(Math.max(0, period), periods.size() - 1));
    }
}
