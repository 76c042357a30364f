package owsim.scenario;

import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fixedSchedules} of a decision section (training budgets, API prices, wage bids, plan prices, release
 * policies): per lab id, one value per decision period, the last holding after. One check and one look-up for all of them.
 */
final class FixedSchedules {
    private FixedSchedules() {}

    /** The check of one value of a schedule: its field ("fixedSchedules.LAB"), its index and the value. */
    @FunctionalInterface
    interface ValueCheck<T> {
        void check(String field, int index, T value);
    }

    /**
     * The schedules checked and copied: each a non-empty list of values in [min, max].
     *
     * @param schedules the section's {@code fixedSchedules} (null: none)
     * @param what what one value is, for the message of an empty list, e.g. "growth factor (factor/year)"
     * @return an unmodifiable copy in the given order
     */
    static Map<String, List<Double>> check(Map<String, List<Double>> schedules, double min, double max, String what) {
        return check(schedules, what, (field, k, v) -> range(field, v, min, max));
    }

    /**
     * The schedules checked and copied: each a non-empty list of values that pass {@code each}.
     *
     * @param schedules the section's {@code fixedSchedules} (null: none)
     * @param what what one value is, for the message of an empty list, e.g. "release policy"
     * @return an unmodifiable copy in the given order
     */
    static <T> Map<String, List<T>> check(Map<String, List<T>> schedules, String what, ValueCheck<T> each) {
        if (schedules == null) return Map.of();
        Map<String, List<T>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, List<T>> e : nonNullValues("fixedSchedules", schedules).entrySet()) {
            kept.put(e.getKey(), periods("fixedSchedules." + e.getKey(), e.getValue(), what, each));
        }
        return Collections.unmodifiableMap(kept);
    }

    /** One schedule checked and copied: a non-empty list of values in [min, max], named {@code field} in messages. */
    static List<Double> periods(String field, List<Double> values, double min, double max, String what) {
        return periods(field, values, what, (f, k, v) -> range(f, v, min, max));
    }

    private static <T> List<T> periods(String field, List<T> values, String what, ValueCheck<T> each) {
        if (values == null || values.isEmpty()) throw new IllegalArgumentException(field + ": needs at least one " + what + ", was empty");
        List<T> periods = nonNullElements(field, values); // an immutable copy
        for (int k = 0; k < periods.size(); k++) each.check(field, k, periods.get(k));
        return periods;
    }

    /** The value of a schedule in period {@code period} (0 for the first; before it, the first); the last holds after. */
    static <T> T inPeriod(List<T> periods, int period) {
        return periods.get(Math.min(Math.max(0, period), periods.size() - 1));
    }
}
