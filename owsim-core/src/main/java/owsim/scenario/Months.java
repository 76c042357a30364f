package owsim.scenario;

import java.util.regex.Pattern;

/**
 * Calendar months written "YYYY-MM" (a run's start, a lab's first month of ads, an export control's
 * dates) and the run's month indexes (0 = the start month).
 */
public final class Months {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private Months() {}

    /** The month itself, checked: a "YYYY-MM" month, else an error naming the field. */
    public static String check(String field, String yyyyMm) {
        if (!MONTH.matcher(yyyyMm).matches()) throw new IllegalArgumentException(field + ": must be YYYY-MM, was '" + yyyyMm + "'");
        return yyyyMm;
    }

    /** The index of {@code yyyyMm} in a run starting at {@code start} (negative before the start). */
    public static int index(String start, String yyyyMm) {
        return absolute(yyyyMm) - absolute(start);
    }

    /**
     * "YYYY-MM" of month index {@code m} of a run starting at {@code start}: the text of
     * {@code String.format("%04d-%02d", year, month)}, written without the formatter for years 0 to 9999 (a run
     * labels the month of each release it prices: a formatter per call was a fortieth of a web market run).
     */
    public static String label(String start, int m) {
        int t = absolute(start) + m;
        int year = Math.floorDiv(t, 12);
        int month = Math.floorMod(t, 12) + 1;
        if (year < 0 || year > 9999) return String.format("%04d-%02d", year, month);
        char[] c = {(char) ('0' + year / 1000), (char) ('0' + year / 100 % 10), (char) ('0' + year / 10 % 10), (char) ('0' + year % 10), '-',
            (char) ('0' + month / 10), (char) ('0' + month % 10)};
        return new String(c);
    }

    /**
     * The share of its full yield a revenue stream with a linear ramp of {@code rampMonths} earns in
     * its {@code monthsSinceStart}-th month (0 for the first): (that + 1) / rampMonths up to 1; 1
     * without a ramp (0 months). Advertising and parent apps ramp alike.
     */
    public static double rampShare(int rampMonths, int monthsSinceStart) {
        return rampMonths == 0 ? 1 : Math.min(1, (monthsSinceStart + 1) / (double) rampMonths);
    }

    private static int absolute(String yyyyMm) {
        return Integer.parseInt(yyyyMm.substring(0, 4)) * 12 + Integer.parseInt(yyyyMm.substring(5, 7)) - 1;
    }
}
