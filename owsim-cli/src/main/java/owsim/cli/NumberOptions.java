package owsim.cli;

import owsim.io.InputException;

/** Range checks for numeric command-line options, naming the option and what is allowed. */
final class NumberOptions {
    private NumberOptions() {}

    /** A whole number in [min, max]. */
    static int whole(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw InputException.ofField(option, "must be a whole number from " + min + " to " + max + ", was " + value);
        }
        return value;
    }

    /** A finite number in (0, max] when {@code zeroAllowed} is false, else [0, max]. */
    static double number(String option, double value, boolean zeroAllowed, double max) {
        boolean ok = Double.isFinite(value) && (zeroAllowed ? value >= 0 : value > 0) && value <= max;
        if (!ok) {
            throw InputException.ofField(option, "must be a finite number " + (zeroAllowed ? ">= 0" : "> 0")
                + " and at most " + plain(max) + ", was " + value);
        }
        return value;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
