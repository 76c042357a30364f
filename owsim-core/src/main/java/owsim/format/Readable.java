package owsim.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers written for people: money as $1.2B / $340M, counts as 1.2M, shares as 34.5%. */
public final class Readable {
    private Readable() {}

    /** What a table shows for a value that does not exist (no open model yet, for instance). */
    public static final String NOT_AVAILABLE = "n/a";

    public static final String[] SUFFIXES = {"", "k", "M", "B", "T"};

    /** "$1.2B", "$340M", "-$12k", "$950", "$0" (also for less than half a cent: a sum spent down to rounding). */
    public static String money(double usd) {
        if (!Double.isFinite(usd)) return NOT_AVAILABLE;
        if (Math.abs(usd) < 0.005) return "$0";
        String c = compact(Math.abs(usd));
        if (c.equals("0")) return "$0";
        return (usd < 0 ? "-$" : "$") + c;
    }

    /** "1.2M", "3.4T", "1,200", "950", "0". */
    public static String count(double n) {
        if (!Double.isFinite(n)) return NOT_AVAILABLE;
        String c = compact(Math.abs(n));
        return n < 0 && !c.equals("0") ? "-" + c : c;
    }

    /**
     * Money to a given number of significant digits, for tables whose neighbours differ in the third
     * digit (payoffs of a game, an experiment's means): "-$92.9B", "$3.34B", "$350k", "$0.42".
     */
    public static String money(double usd, int significant) {
        if (!Double.isFinite(usd)) return NOT_AVAILABLE;
        if (Math.abs(usd) < 0.005) return "$0";
        String c = compact(Math.abs(usd), significant);
        if (c.equals("0")) return "$0";
        return (usd < 0 ? "-$" : "$") + c;
    }

    /** A count to a given number of significant digits: "1.23M", "-4.56k", "0.0123". */
    public static String count(double n, int significant) {
        if (!Double.isFinite(n)) return NOT_AVAILABLE;
        String c = compact(Math.abs(n), significant);
        return n < 0 && !c.equals("0") ? "-" + c : c;
    }

    /** A share 0..1 as "34.5%" (one decimal; "&lt;0.1%" for a share that rounds to zero but is not). */
    public static String percent(double share) {
        if (!Double.isFinite(share)) return NOT_AVAILABLE;
        if (share > 0 && share < 0.0005) return "<0.1%";
        return fixed(share * 100, 1) + "%";
    }

    /** Fixed decimals, always with a dot; "-0.0" is written "0.0". */
    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) return NOT_AVAILABLE;
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (s.startsWith("-") && s.chars().allMatch(ch -> ch == '-' || ch == '0' || ch == '.')) s = s.substring(1);
        return s;
    }

    /** The power of 1000 (0 = none, 1 = k, ... 4 = T) used to write a magnitude compactly. */
    public static int thousandsPower(double magnitude) {
        int k = 0;
        double m = magnitude;
        // 999.5 rounds to "1000" at 0 decimals: write it as 1.0 of the next unit instead.
        while (m >= 999.5 && k < SUFFIXES.length - 1) {
            m /= 1000;
            k++;
        }
        return k;
    }

    /** A non-negative magnitude in 2-3 significant digits with a k/M/B/T suffix. */
    public static String compact(double a) {
        if (a == 0) return "0";
        int k = thousandsPower(a);
        double m = a / Math.pow(1000, k);
        if (k == 0 && m < 0.95) return String.format(Locale.ROOT, "%.2g", m);
        // Below 10,000 the whole number is short enough and reads better than 1.2k next to 950.
        if (a >= 9.95 && a < 9999.5) return String.format(Locale.ROOT, "%,.0f", a);
        if (k == SUFFIXES.length - 1 && m >= 999.5) return String.format(Locale.ROOT, "%,.0f", m) + SUFFIXES[k];
        return fixed(m, m < 9.95 ? 1 : 0) + SUFFIXES[k];
    }

    /** A non-negative magnitude rounded to {@code significant} digits, with a k/M/B/T suffix from 1,000 on. */
    static String compact(double a, int significant) {
        if (significant < 1) throw new IllegalArgumentException("significant digits: at least 1, was " + significant);
        if (a == 0) return "0";
        // Round first, so that 999.96k becomes 1.00M rather than 1000k.
        BigDecimal r = new BigDecimal(a).round(new MathContext(significant));
        double rounded = r.doubleValue();
        int k = 0;
        while (rounded >= 1000 && k < SUFFIXES.length - 1) {
            rounded /= 1000;
            k++;
        }
        return plain(r.movePointLeft(3 * k), significant) + SUFFIXES[k];
    }

    /** A rounded value written with exactly its significant digits (1.20, 92.9, 350), grouped above 999. */
    private static String plain(BigDecimal v, int significant) {
        int decimals = Math.max(0, significant - (v.precision() - v.scale()));
        BigDecimal scaled = v.setScale(decimals, java.math.RoundingMode.HALF_EVEN);
        return String.format(Locale.ROOT, "%,." + decimals + "f", scaled);
    }
}
