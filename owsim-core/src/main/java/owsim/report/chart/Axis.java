package owsim.report.chart;

import java.util.Locale;

/**
 * A numeric axis: where a value goes (0 at the start, 1 at the end) and which ticks to draw.
 * Linear over round 1-2-5 ticks; logarithmic (decades) when values differ by orders of magnitude;
 * months as whole months, by index or by calendar month.
 */
public sealed interface Axis {
    /** About this many intervals on a linear axis: enough to read values, few enough to read labels. */
    int TARGET_TICKS = 5;

    /** A linear axis over round ticks covering [lo, hi]. */
    static Axis linear(double lo, double hi, TickFormat format) {
        return new Linear(NiceScale.of(lo, hi, TARGET_TICKS), format);
    }

    /**
     * The axis for values in [lo, hi]: logarithmic when every value is >= 0 and the series' peaks span
     * at least {@code logRatio} (a log axis cannot show zero or negatives), else linear.
     */
    static Axis fit(double lo, double hi, double smallestPositivePeak, double logRatio, TickFormat format) {
        if (logRatio > 0 && lo >= 0 && smallestPositivePeak > 0 && hi / smallestPositivePeak >= logRatio) {
            return Log.of(smallestPositivePeak, hi, format);
        }
        return linear(lo, hi, format);
    }

    /** Height (or width) of a value on the axis, 0 to 1; NaN if it cannot be drawn (zero on a log axis). */
    double position(double value);

    double[] ticks();

    String[] labels();

    /** Whether the tick is the zero line inside a range that goes negative (drawn darker). */
    boolean emphasised(double tick);

    /** Words added to the axis name ("log scale"), or "". */
    String note();

    /** Linear: round ticks from a {@link NiceScale}. */
    record Linear(NiceScale scale, TickFormat format) implements Axis {
        @Override public double position(double v) {
            return (v - scale.min()) / (scale.max() - scale.min());
        }

        @Override public double[] ticks() {
            return scale.ticks();
        }

        @Override public String[] labels() {
            return format.labels(scale.ticks(), scale.step());
        }

        @Override public boolean emphasised(double tick) {
            return tick == 0 && scale.min() < 0;
        }

        @Override public String note() {
            return "";
        }
    }

    /** Logarithmic: one tick per power of ten from {@code minDecade} to {@code maxDecade}. */
    record Log(int minDecade, int maxDecade, TickFormat format) implements Axis {
        /** At most this many decades: below that, a line is too small to matter beside the largest. */
        public static final int MAX_DECADES = 6;

        /** Decades from one below the smallest peak (room under it) to above the largest value. */
        static Log of(double smallestPeak, double hi, TickFormat format) {
            int top = (int) Math.ceil(Math.log10(hi) - 1e-12);
            int bottom = (int) Math.floor(Math.log10(smallestPeak) - 1);
            bottom = Math.max(bottom, top - MAX_DECADES);
            if (bottom >= top) bottom = top - 1;
            return new Log(bottom, top, format);
        }

        /** The decades just covering [lo, hi], both > 0: an x axis of values spread over orders of magnitude. */
        public static Log covering(double lo, double hi, TickFormat format) {
            int top = (int) Math.ceil(Math.log10(hi) - 1e-12);
            int bottom = (int) Math.floor(Math.log10(lo) + 1e-12);
            if (bottom >= top) bottom = top - 1;
            return new Log(bottom, top, format);
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

        @Override public String[] labels() {
            // Each power of ten on its own scale: 100k, 1M, 10M rather than 0.1M, 1.0M, 10.0M.
            double[] t = ticks();
            String[] out = new String[t.length];
            for (int i = 0; i < t.length; i++) out[i] = format.labels(new double[] {t[i]}, t[i])[0];
            return out;
        }

        @Override public boolean emphasised(double tick) {
            return false;
        }

        @Override public String note() {
            return "log scale";
        }
    }

    /**
     * Months 0 to {@code months - 1}, ticked at whole months every 1, 2, 3, 6, 12, ... months. With a
     * start month ("YYYY-MM") ticks fall on calendar quarters, halves or years and read 2025-07;
     * without, they read as month numbers 0, 12, 24.
     */
    record Months(int months, String startMonth, int maxTicks) implements Axis {
        private static final int[] STEPS = {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200};

        public Months {
            if (months < 1) throw new IllegalArgumentException("a time axis needs at least one month, was " + months);
            if (maxTicks < 2) throw new IllegalArgumentException("maxTicks below 2: " + maxTicks);
        }

        /** Month numbers 0, 1, ... (no calendar). */
        public static Months counted(int months, int maxTicks) {
            return new Months(months, null, maxTicks);
        }

        int step() {
            for (int s : STEPS) if ((months + s - 1) / s <= maxTicks) return s;
            return STEPS[STEPS.length - 1];
        }

        private int startAbs() {
            if (startMonth == null) return 0;
            return Integer.parseInt(startMonth.substring(0, 4)) * 12 + Integer.parseInt(startMonth.substring(5, 7)) - 1;
        }

        @Override public double position(double month) {
            return months <= 1 ? 0.5 : month / (months - 1);
        }

        @Override public double[] ticks() {
            int step = step();
            int start = startAbs();
            return java.util.stream.IntStream.range(0, months)
                .filter(m -> months == 1 || Math.floorMod(start + m, step) == 0).asDoubleStream().toArray();
        }

        @Override public String[] labels() {
            double[] t = ticks();
            String[] out = new String[t.length];
            int start = startAbs();
            for (int i = 0; i < t.length; i++) {
                int m = (int) t[i];
                int abs = start + m;
                out[i] = startMonth == null ? Integer.toString(m) : String.format(Locale.ROOT, "%04d-%02d", abs / 12, abs % 12 + 1);
            }
            return out;
        }

        @Override public boolean emphasised(double tick) {
            return false;
        }

        @Override public String note() {
            return "";
        }
    }
}
