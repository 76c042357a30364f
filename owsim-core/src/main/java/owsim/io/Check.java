package owsim.io;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Range checks for record constructors. Each throws {@link IllegalArgumentException} whose
 * message starts with the field name; {@link StrictYaml} turns it into an {@link InputException}
 * with the file position.
 */
public final class Check {
    /** Compiled once: experiment runs rebuild scenario records, and so check ids, thousands of times a second. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private Check() {}

    public static double positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) fail(field, "must be a finite number > 0", value);
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) fail(field, "must be a finite number >= 0", value);
        return value;
    }

    public static double fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) fail(field, "must be between 0 and 1", value);
        return value;
    }

    /** {@link #range} of entry {@code key} of map field {@code field}: the name "field.key" is made only for the message. */
    public static double range(String field, Object key, double value, double min, double max) {
        return value >= min && value <= max ? value : range(field + "." + key, value, min, max);
    }

    public static double range(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) fail(field, "must be between " + plain(min) + " and " + plain(max), value);
        return value;
    }

    /** A number above 0 and at most {@code max} (a rate, size or price that 0 would make meaningless). */
    public static double positiveAtMost(String field, double value, double max) {
        if (!(value > 0 && value <= max)) fail(field, "must be > 0 and at most " + plain(max), value);
        return value;
    }

    /** A whole number from {@code min} to {@code max}. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) throw new IllegalArgumentException(field + ": must be a whole number from " + min + " to " + max + ", was " + value);
        return value;
    }

    public static int positive(String field, int value) {
        if (value <= 0) fail(field, "must be a whole number > 0", value);
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) fail(field, "must be a whole number >= 0", value);
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + ": is required");
        return value;
    }

    /**
     * An immutable copy of a map, in its order, whose every value is given: {@code key: ~} (or no value) is an
     * error naming "field.key", where {@link Map#copyOf} would fail with a bare NullPointerException.
     */
    public static <K, V> Map<K, V> nonNullValues(String field, Map<K, V> map) {
        for (Map.Entry<K, V> e : map.entrySet()) {
            if (e.getKey() == null) throw new IllegalArgumentException(field + ": a key is empty");
            if (e.getValue() == null) throw new IllegalArgumentException(field + "." + e.getKey() + ": needs a value (a number), was empty");
        }
        // In the file's order: Map.copyOf's order changes from one JVM to the next, and error messages list these keys.
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /** An immutable copy of a list with no empty entries ({@code [~]} would otherwise be a bare NullPointerException). */
    public static <T> List<T> nonNullElements(String field, List<T> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) throw new IllegalArgumentException(field + ": entry " + (i + 1) + " is empty");
        }
        return List.copyOf(list);
    }

    public static String identifier(String field, String value) {
        required(field, value);
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(field + ": '" + value
                + "' is not an id (lower-case letters, digits, '.', '_' and '-')");
        }
        return value;
    }

    private static void fail(String field, String rule, double value) {
        throw new IllegalArgumentException(field + ": " + rule + ", was " + plain(value));
    }

    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
