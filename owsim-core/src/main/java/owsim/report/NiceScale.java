package owsim.report;

/**
 * An axis range widened to round tick values (steps of 1, 2 or 5 times a power of ten), so ticks
 * read 0, 200M, 400M rather than 0, 173M, 346M.
 *
 * @param min the axis start, a multiple of {@code step}
 * @param max the axis end, a multiple of {@code step}
 * @param step the distance between ticks
 */
record NiceScale(double min, double max, double step) {

    /** A scale covering [lo, hi] with about {@code targetTicks} intervals; lo == hi gets a small band around it. */
    static NiceScale of(double lo, double hi, int targetTicks) {
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

    /** The tick values from min to max, computed from the index so no rounding error builds up. */
    double[] ticks() {
        int n = (int) Math.round((max - min) / step) + 1;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double v = min + i * step;
            // 0.30000000000000004 -> 0.3: round to well below the step's precision.
            double q = step / 1e6;
            t[i] = Math.abs(v / q) < 1e15 ? Math.round(v / q) * q : v;
            if (t[i] == 0) t[i] = 0; // no -0.0
        }
        return t;
    }
}
