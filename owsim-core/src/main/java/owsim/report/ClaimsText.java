package owsim.report;

import java.math.BigDecimal;
import java.math.MathContext;
import owsim.format.Readable;

/** Number formatting shared by the claims writers: by unit, deterministic, locale-free. */
final class ClaimsText {
    private ClaimsText() {}

    /** A value in its unit: money for USD units, a percentage for shares, else four significant digits. */
    static String value(double v, String unit) {
        if (!Double.isFinite(v)) return Readable.NOT_AVAILABLE;
        if (unit.startsWith("USD")) return Readable.money(v) + unit.substring(3);
        if (unit.startsWith("share")) return Readable.fixed(100 * v, 2) + "%";
        if (unit.equals("users") || unit.equals("models")) return Readable.count(v) + " " + unit;
        return number(v) + " " + unit;
    }

    /** Four significant digits, no locale, "-0" as "0", never an exponent: 317.4k and -2.287B from 10,000 up. */
    static String number(double v) {
        if (!Double.isFinite(v)) return Readable.NOT_AVAILABLE;
        if (v == 0) return "0";
        if (Math.abs(v) >= 9999.5) return Readable.count(v, 4);
        String s = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** An axis tick: money when the axis is in USD, compact counts from 10,000 up, else {@link #number}. */
    static String tick(double v, String axisLabel) {
        if (axisLabel.startsWith("USD") || axisLabel.contains("(USD")) return Readable.money(v);
        if (Math.abs(v) >= 1e4) return Readable.count(v);
        return number(v);
    }
}
