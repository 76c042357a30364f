package owsim.report;

import owsim.format.Readable;

/**
 * The y axis of a chart: where a value goes and which ticks to draw. Linear by default; logarithmic
 * (decades) when lines of one chart differ by orders of magnitude, so a small lab is not drawn flat on zero.
 */
sealed interface YAxis {
    /** A linear axis over round ticks. */
    static YAxis linear(double lo, double hi) {
        return new Linear(NiceScale.of(lo, hi, 5));
    }

    /**
     * The axis for these lines: logarithmic when every value is >= 0 and the lines' peaks span at
     * least {@code logRatio} (a log chart cannot show zero or negatives), else linear.
     */
    static YAxis fit(double lo, double hi, double smallestPositivePeak, double logRatio) {
        if (lo >= 0 && smallestPositivePeak > 0 && hi / smallestPositivePeak >= logRatio) {
            return Log.of(smallestPositivePeak, hi);
        }
        return linear(lo, hi);
    }

    /** Height of a value on the axis, 0 (bottom) to 1 (top); NaN if it cannot be drawn (zero on a log axis). */
    double position(double value);

    double[] ticks();

    String[] labels(Quantity q);

    /** Whether the tick is the zero line inside a range that goes negative (drawn darker). */
    boolean emphasised(double tick);

    /** Words added to the unit label ("log scale"), or "". */
    String note();

    /** Linear: round ticks from a {@link NiceScale}. */
    record Linear(NiceScale scale) implements YAxis {
        @Override public double position(double v) {
            return (v - scale.min()) / (scale.max() - scale.min());
        }

        @Override public double[] ticks() {
            return scale.ticks();
        }

        @Override public String[] labels(Quantity q) {
            return q.tickLabels(scale.ticks(), scale.step());
        }

        @Override public boolean emphasised(double tick) {
            return tick == 0 && scale.min() < 0;
        }

        @Override public String note() {
            return "";
        }
    }

    /** Logarithmic: one tick per power of ten from {@code minDecade} to {@code maxDecade}. */
    record Log(int minDecade, int maxDecade) implements YAxis {
        /** At most this many decades: below that, a line is too small to matter beside the largest. */
        static final int MAX_DECADES = 6;

        static Log of(double smallestPeak, double hi) {
            int top = (int) Math.ceil(Math.log10(hi) - 1e-12);
            int bottom = (int) Math.floor(Math.log10(smallestPeak) - 1); // one decade of room under the smallest peak
            bottom = Math.max(bottom, top - MAX_DECADES);
            if (bottom >= top) bottom = top - 1;
            return new Log(bottom, top);
        }

        @Override public double position(double v) {
            if (!(v > 0)) return Double.NaN;
            double p = (Math.log10(v) - minDecade) / (maxDecade - minDecade);
            return p < -1e-9 ? Double.NaN : p;
        }

        @Override public double[] ticks() {
            double[] t = new double[maxDecade - minDecade + 1];
            for (int i = 0; i < t.length; i++) t[i] = Math.pow(10, minDecade + i);
            return t;
        }

        @Override public String[] labels(Quantity q) {
            double[] t = ticks();
            String[] out = new String[t.length];
            for (int i = 0; i < t.length; i++) {
                String s = q == Quantity.MONEY ? Readable.money(t[i]) : Readable.count(t[i]);
                out[i] = s.replace(".0", ""); // powers of ten: "1.0M" reads as "1M"
            }
            return out;
        }

        @Override public boolean emphasised(double tick) {
            return false;
        }

        @Override public String note() {
            return "log scale";
        }
    }
}
