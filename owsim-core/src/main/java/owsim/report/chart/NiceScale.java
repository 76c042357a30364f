package owsim.report.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An axis range widened to round tick values (steps of 1, 2 or 5 times a power of ten), so ticks
 * read 0, 200M, 400M rather than 0, 173M, 346M.
 *
 * @param min the axis start, a multiple of {@code step}
 * @param max the axis end, a multiple of {@code step}
 * @param step the distance between ticks
 */
public record NiceScale(double min, double max, double step) {

    /** A scale covering [lo, hi] with about {@code targetTicks} intervals; lo == hi gets a small band around it. */
    public static NiceScale of(double lo, double hi, int targetTicks) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi))) throw new IllegalArgumentException("non-finite range " + lo + ".." + hi);
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        // A range too narrow for doubles to tell the ticks apart is drawn as a flat line.
        if (hi - lo <= 1e-9 * Math.max(Math.abs(lo), Math.abs(hi))) {
            lo = hi;
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= lo == 0 ? 0 : pad;
            hi += pad;
        }
        double raw = (hi - lo) / targetTicks;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
        double min = Math.floor(lo / step) * step;
        double max = Math.ceil(hi / step) * step;
        // lo / step can round up to the next whole number: step out once more so the data stays inside.
        if (min > lo) min -= step;
        if (max < hi) max += step;
        return new NiceScale(min, max, step);
    }

    /**
     * The tick values from min to max, computed from the index and rounded to the step's last digit,
     * so they are the doubles nearest the decimals they stand for (15, not 15.000000000000002).
     */
    public double[] ticks() {
        int n = (int) Math.round((max - min) / step) + 1;
        int scale = (int) -Math.floor(Math.log10(step) + 1e-9);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double v = new BigDecimal(min + i * step).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
            t[i] = v == 0 ? 0 : v; // no -0.0
        }
        return t;
    }
}
