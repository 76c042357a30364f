package owsim.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines over a numeric or time x axis on one y axis: for values that change along a continuous
 * quantity (months, a parameter swept over a range). Lines break where a value is missing; a value
 * with no neighbour is drawn as a dot. Categories belong in a {@link BarChart} instead.
 *
 * @param title heading drawn above the plot
 * @param xName name of the x axis, written under it ("" for none, as for calendar months)
 * @param x the x axis
 * @param yName unit of the y axis, written above it ("USD per month")
 * @param y the y axis, null when no line has a value (the chart says so)
 * @param lines the lines, drawn in order (later lines on top)
 * @param legend legend entries, in order; usually one per line
 */
public record LineChart(String title, String xName, Axis x, String yName, Axis y, List<Series> lines, List<Series.LegendKey> legend)
    implements Chart {
    static final String BAND_OPACITY = " stroke-opacity=\"0.45\"";
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 56;
    private static final int PLOT_HEIGHT = 240;
    /** Radius of the dots of a series drawn with its points. */
    private static final double POINT_PX = 3.5;

    public LineChart {
        lines = List.copyOf(lines);
        legend = List.copyOf(legend);
    }

    /**
     * A chart whose y axis fits its lines: from 0 when {@code includeZero} (flows and counts) or fitted
     * to the data (capability), logarithmic when the largest line's peak is {@code logRatio} times the
     * smallest's (0: always linear).
     */
    public static LineChart fitted(String title, String xName, Axis x, String yName, TickFormat yFormat, boolean includeZero,
                                   double logRatio, List<Series> lines, List<Series.LegendKey> legend) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double smallestPeak = Double.POSITIVE_INFINITY;
        for (Series s : lines) {
            double peak = Double.NEGATIVE_INFINITY;
            double[] xs = s.x();
            double[] ys = s.y();
            for (int i = 0; i < ys.length; i++) {
                if (Double.isFinite(ys[i]) && Double.isFinite(xs[i])) {
                    lo = Math.min(lo, ys[i]);
                    hi = Math.max(hi, ys[i]);
                    peak = Math.max(peak, ys[i]);
                }
            }
            if (peak > 0) smallestPeak = Math.min(smallestPeak, peak);
        }
        Axis y = null;
        if (lo <= hi) {
            if (includeZero) {
                lo = Math.min(lo, 0);
                hi = Math.max(hi, 0);
            }
            y = Axis.fit(lo, hi, smallestPeak, logRatio, yFormat);
        }
        return new LineChart(title, xName, x, yName, y, lines, legend);
    }

    /** Whether a stroke this wide is a band (drawn half-transparent under the lines) rather than a line. */
    static boolean band(double widthPx) {
        return widthPx > Series.NORMAL_PX * 2;
    }

    @Override public String svg() {
        Frame f = new Frame(LEFT, TOP, Style.WIDTH - LEFT - RIGHT, PLOT_HEIGHT);
        List<Legend.Entry> entries = new ArrayList<>();
        for (Series.LegendKey k : legend) entries.add(new Legend.Entry(k.label(), k.color(), k.dash(), k.widthPx(), Legend.Shape.LINE));
        Legend key = new Legend(entries, f.right() - 8);
        double legendTop = f.bottom() + (xName.isEmpty() ? 40 : 52);
        Svg svg = new Svg(Style.WIDTH, (int) legendTop + key.height() + 8, title);
        if (y == null) {
            f.empty(svg, "no data in this run");
            f.yName(svg, yName);
        } else {
            f.yName(svg, y.note().isEmpty() ? yName : yName + " (" + y.note() + ")");
            f.yGrid(svg, y);
            f.xGrid(svg, x);
            for (Series s : lines) line(svg, f, s);
        }
        f.xName(svg, xName);
        f.border(svg);
        key.draw(svg, legendTop);
        return svg.end();
    }

    private void line(Svg svg, Frame f, Series s) {
        double[] xs = s.x();
        double[] ys = s.y();
        int n = xs.length;
        // Pixels of each point, NaN where nothing can be drawn (missing value, zero on a log axis).
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(xs[i]) && Double.isFinite(ys[i]);
            px[i] = ok ? f.x(x, xs[i]) : Double.NaN;
            py[i] = ok ? f.y(y, ys[i]) : Double.NaN;
            if (Double.isNaN(px[i])) py[i] = Double.NaN;
        }
        StringBuilder d = new StringBuilder();
        List<Integer> isolated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(py[i])) continue;
            boolean prev = i > 0 && !Double.isNaN(py[i - 1]);
            boolean next = i + 1 < n && !Double.isNaN(py[i + 1]);
            if (!prev && !next) isolated.add(i);
            d.append(prev ? " L" : (d.length() == 0 ? "M" : " M")).append(Svg.n(px[i])).append(',').append(Svg.n(py[i]));
        }
        boolean band = band(s.widthPx());
        if (d.length() > 0) {
            svg.path(d.toString(), " fill=\"none\" stroke=\"" + s.color() + "\" stroke-width=\"" + Svg.n(s.widthPx()) + '"'
                + (band ? BAND_OPACITY : "") + " stroke-linejoin=\"round\"" + (band ? "" : " stroke-linecap=\"round\"")
                + (s.dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.dash() + '"'), s.label());
        }
        if (s.dotted()) {
            // Each point stands for something (an operating point): a dot for each, naming it on hover.
            List<String> tips = s.pointTips();
            for (int i = 0; i < n; i++) if (!Double.isNaN(py[i])) svg.circle(px[i], py[i], POINT_PX, s.color(), tips.get(i));
        } else {
            for (int i : isolated) svg.circle(px[i], py[i], 3, s.color(), s.label());
        }
    }
}
