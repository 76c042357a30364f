package owsim.report.chart;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Named points on two numeric axes, each with an optional interval across: a Morris screening plot
 * (mu* across, sigma up). Both axes start at 0 and reach every point and interval end. A dashed
 * diagonal marks y = x when {@code diagonal} is set: points above it act mostly through
 * interactions or non-linearity, points below it mostly alone.
 */
public record ScatterChart(String title, String xName, String yName, TickFormat format, DoubleFunction<String> valueText,
                           List<Point> points, boolean diagonal) implements Chart {
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 56;
    private static final int PLOT_HEIGHT = 320;
    private static final int MAX_LABEL_CHARS = 28;

    public ScatterChart {
        points = List.copyOf(points);
    }

    /** A named point; {@code xLow}/{@code xHigh} NaN for no interval. */
    public record Point(String label, double x, double y, double xLow, double xHigh) {
        boolean hasInterval() {
            return Double.isFinite(xLow) && Double.isFinite(xHigh);
        }
    }

    Axis xAxis() {
        double hi = 0;
        for (Point p : points) {
            if (Double.isFinite(p.x())) hi = Math.max(hi, p.x());
            if (p.hasInterval()) hi = Math.max(hi, p.xHigh());
            if (diagonal && Double.isFinite(p.y())) hi = Math.max(hi, p.y());
        }
        return Axis.linear(0, hi, format);
    }

    Axis yAxis() {
        double hi = 0;
        for (Point p : points) if (Double.isFinite(p.y())) hi = Math.max(hi, p.y());
        if (diagonal) return xAxis(); // one scale on both axes, so the diagonal is at 45 degrees
        return Axis.linear(0, hi, format);
    }

    @Override public String svg() {
        Frame f = new Frame(LEFT, TOP, Style.WIDTH - LEFT - RIGHT, PLOT_HEIGHT);
        Axis x = xAxis();
        Axis y = yAxis();
        Svg svg = new Svg(Style.WIDTH, (int) f.bottom() + 52, title);
        f.yName(svg, yName);
        f.yGrid(svg, y);
        f.xGrid(svg, x);
        if (diagonal) {
            double end = ((Axis.Linear) x).scale().max();
            svg.line(f.x(x, 0), f.y(y, 0), f.x(x, end), f.y(y, end), Style.FRAME, " stroke-dasharray=\"4 4\"");
        }
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!(Double.isFinite(p.x()) && Double.isFinite(p.y()))) continue;
            double px = f.x(x, p.x());
            double py = f.y(y, p.y());
            if (p.hasInterval()) BarChart.whisker(svg, f.x(x, p.xLow()), f.x(x, p.xHigh()), py);
            String tip = p.label() + ": " + xName + " " + valueText.apply(p.x()) + ", " + yName + " " + valueText.apply(p.y());
            svg.circle(px, py, 4.5, Style.color(0), tip);
            // Names right of their point, or left of it in the right half so they stay inside the plot.
            boolean right = px < f.left() + f.width() / 2;
            svg.text(px + (right ? 8 : -8), py - 8, Labels.fit(p.label(), MAX_LABEL_CHARS), right ? "start" : "end", false, "#222");
        }
        f.xName(svg, xName);
        f.border(svg);
        return svg.end();
    }
}
