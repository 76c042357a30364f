package owsim.report;

import java.util.Locale;
import owsim.format.Readable;
import owsim.report.chart.TickFormat;

/**
 * What a series measures, which decides how its numbers are written for people (tables, axes).
 * Chosen from the metric name of the series contract ({@code revenueUsd}, {@code openWeightTokenShare},
 * {@code capability}, {@code openModelLagMonths}, ...), falling back to the unit.
 */
enum Quantity {
    /** US dollars: $1.2B, $340M. */
    MONEY,
    /** A share between 0 and 1, written as a percentage. */
    SHARE,
    /** log10 of effective training compute (FLOP). */
    CAPABILITY,
    /** A duration in months. */
    MONTHS,
    /** A count of users, tokens, researchers: 1.2M, 3.4T. */
    COUNT;

    /** The quantity of a metric, e.g. {@code MONEY} for "revenueUsd" or for unit "USD/month". */
    public static Quantity of(String metric, String unit) {
        String m = metric.toLowerCase(Locale.ROOT);
        String u = unit == null ? "" : unit.toLowerCase(Locale.ROOT);
        if (m.endsWith("usd") || u.startsWith("usd") || u.startsWith("$")) return MONEY;
        if (m.endsWith("share") || u.equals("fraction") || u.equals("share") || u.equals("0..1")) return SHARE;
        if (m.endsWith("capability")) return CAPABILITY;
        if (m.endsWith("months") || u.equals("months")) return MONTHS;
        return COUNT;
    }

    /** One value for a table: "$1.2B", "34.5%", "26.31", "8.2 months", "1.2M". */
    public String format(double value) {
        return switch (this) {
            case MONEY -> Readable.money(value);
            case SHARE -> Readable.percent(value);
            case CAPABILITY -> Readable.fixed(value, 2);
            case MONTHS -> Double.isFinite(value) ? Readable.fixed(value, 1) + " months" : Readable.NOT_AVAILABLE;
            case COUNT -> Readable.count(value);
        };
    }

    /**
     * One value to {@code significant} digits, for tables whose rows differ in the third digit (an
     * experiment's means and effects): "-$92.9B", "1.23M", "0.213%", "4.00 months"; capability as above.
     */
    public String format(double value, int significant) {
        if (!Double.isFinite(value)) return Readable.NOT_AVAILABLE;
        return switch (this) {
            case MONEY -> Readable.money(value, significant);
            case COUNT -> Readable.count(value, significant);
            case SHARE -> Readable.count(value * 100, significant) + "%";
            case MONTHS -> Readable.count(value, significant) + " months";
            case CAPABILITY -> format(value);
        };
    }

    /**
     * Labels for axis ticks spaced {@code step} apart: one scale for all of them (so $0.5B and $1.0B,
     * never $500M next to $1.0B) and just enough decimals to tell neighbours apart.
     */
    public String[] tickLabels(double[] ticks, double step) {
        String[] out = new String[ticks.length];
        double maxAbs = 0;
        for (double t : ticks) maxAbs = Math.max(maxAbs, Math.abs(t));
        switch (this) {
            case SHARE -> {
                return TickFormat.percent().labels(ticks, step);
            }
            case CAPABILITY, MONTHS -> {
                return TickFormat.plain().labels(ticks, step);
            }
            case MONEY, COUNT -> {
                int k = Readable.thousandsPower(maxAbs);
                double scale = Math.pow(1000, k);
                int d = TickFormat.decimalsFor(step / scale);
                for (int i = 0; i < ticks.length; i++) {
                    String s = Readable.fixed(Math.abs(ticks[i]) / scale, d) + Readable.SUFFIXES[k];
                    if (ticks[i] == 0) s = "0";
                    if (this == MONEY) s = "$" + s;
                    out[i] = ticks[i] < 0 ? "-" + s : s;
                }
            }
        }
        return out;
    }
}
