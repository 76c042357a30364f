package owsim.report.chart;

import java.util.List;

/**
 * One line of a {@link LineChart}: x and y values of equal length (NaN where there is no value), a
 * colour, an SVG dash pattern ("" = solid) and a stroke width in pixels; a wide line is drawn
 * half-transparent, as a highlighter band. With point tooltips (one per value) every point is
 * also drawn as a dot that names itself on hover: for lines whose points each stand for
 * something, such as the operating points of a serving frontier.
 */
public record Series(String label, String color, String dash, double widthPx, double[] x, double[] y, List<String> pointTips) {
    public static final double NORMAL_PX = 2;

    public Series {
        if (x.length != y.length) throw new IllegalArgumentException("series '" + label + "': x and y lengths differ");
        pointTips = List.copyOf(pointTips);
        if (!pointTips.isEmpty() && pointTips.size() != x.length) {
            throw new IllegalArgumentException("series '" + label + "': " + pointTips.size() + " point tooltips for " + x.length + " points");
        }
        x = x.clone();
        y = y.clone();
    }

    /** A line without dots at its points (a dot only where a value has no neighbour). */
    public Series(String label, String color, String dash, double widthPx, double[] x, double[] y) {
        this(label, color, dash, widthPx, x, y, List.of());
    }

    public Series(String label, String color, String dash, double[] x, double[] y) {
        this(label, color, dash, NORMAL_PX, x, y);
    }

    /** Values by month: x is the month index 0, 1, 2, ... */
    public static Series monthly(String label, String color, String dash, double[] values) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return new Series(label, color, dash, NORMAL_PX, x, values);
    }

    @Override public double[] x() {
        return x.clone();
    }

    @Override public double[] y() {
        return y.clone();
    }

    /** The same series with values {@code <= 0} left out (for log10 FLOP, where 0 means "no model yet"). */
    public Series positiveOnly() {
        double[] v = y.clone();
        for (int i = 0; i < v.length; i++) if (!(v[i] > 0)) v[i] = Double.NaN;
        return new Series(label, color, dash, widthPx, x, v, pointTips);
    }

    /** The same series drawn wider. */
    public Series withWidth(double px) {
        return new Series(label, color, dash, px, x, y, pointTips);
    }

    /** The same series with a dot at every point, {@code tips} (one per point) shown on hover. */
    public Series withPoints(List<String> tips) {
        return new Series(label, color, dash, widthPx, x, y, tips);
    }

    /** Whether every point is drawn as a dot with its own tooltip. */
    public boolean dotted() {
        return !pointTips.isEmpty();
    }

    /** Its legend entry. */
    public LegendKey key() {
        return new LegendKey(label, color, dash, widthPx);
    }

    /** A legend entry with no data of its own (a style shared by several lines, "dashed: cost"). */
    public record LegendKey(String label, String color, String dash, double widthPx) {
        public LegendKey(String label, String color, String dash) {
            this(label, color, dash, NORMAL_PX);
        }
    }
}
