package owsim.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Horizontal bars for categorical data (options, parameters): one row per category, one bar per
 * series in it, each with an optional interval drawn as a whisker. The value axis is numeric with
 * round ticks, always includes 0 (bars start there) and every interval's ends, so no whisker is cut.
 *
 * @param title heading
 * @param categoryName what the categories are, written above their names ("" for none)
 * @param valueName name of the value axis, under it
 * @param format tick labels of the value axis
 * @param valueText one value for a tooltip ("$1.2k", "34%")
 * @param categories row names, top to bottom
 * @param series the bars of each row, in order
 * @param reach values the axis reaches beyond the data (1 for shares shown up to 100 %), may be empty
 */
public record BarChart(String title, String categoryName, String valueName, TickFormat format, DoubleFunction<String> valueText,
                       List<String> categories, List<Bars> series, double[] reach) implements Chart {
    private static final int TOP = 56;
    private static final int RIGHT = 24;
    private static final int BAR = 12;
    private static final int GAP = 12;
    private static final int MAX_LABEL_CHARS = 40;

    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        reach = reach.clone();
        for (Bars b : series) {
            if (b.values().length != categories.size()) throw new IllegalArgumentException("bars '" + b.label() + "': one value per category");
        }
    }

    /**
     * One series of bars: a value per category (NaN: not available) and, optionally, the interval
     * [low, high] around each (null for none, NaN entries for none on that bar).
     */
    public record Bars(String label, String color, double[] values, double[] low, double[] high) {
        public Bars {
            values = values.clone();
            low = low == null ? null : low.clone();
            high = high == null ? null : high.clone();
            if (low != null && (high == null || low.length != values.length || high.length != values.length)) {
                throw new IllegalArgumentException("bars '" + label + "': an interval needs low and high for every value");
            }
        }

        public Bars(String label, String color, double[] values) {
            this(label, color, values, null, null);
        }

        boolean hasInterval(int i) {
            return low != null && Double.isFinite(low[i]) && Double.isFinite(high[i]);
        }
    }

    @Override public double[] reach() {
        return reach.clone();
    }

    /** The value axis: 0, every value and every interval end inside it. */
    public Axis axis() {
        double lo = 0;
        double hi = 0;
        for (double v : reach) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        for (Bars b : series) {
            for (int i = 0; i < categories.size(); i++) {
                for (double v : new double[] {b.values[i], b.hasInterval(i) ? b.low[i] : 0, b.hasInterval(i) ? b.high[i] : 0}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return Axis.linear(lo, hi, format);
    }

    /** The plot area: right of the longest category name. */
    Frame frame() {
        double labels = 0;
        for (String c : categories) labels = Math.max(labels, Labels.width(Labels.fit(c, MAX_LABEL_CHARS)));
        double left = 8 + Math.max(48, labels) + 10;
        int rowHeight = series.size() * BAR + GAP;
        return new Frame(left, TOP, Style.WIDTH - left - RIGHT, Math.max(1, categories.size()) * rowHeight);
    }

    @Override public String svg() {
        Frame f = frame();
        Axis x = axis();
        List<Legend.Entry> entries = new ArrayList<>();
        for (Bars b : series) entries.add(new Legend.Entry(b.label(), b.color(), "", 0, Legend.Shape.BOX));
        Legend key = new Legend(series.size() > 1 ? entries : List.of(), Style.WIDTH - 16);
        double legendTop = f.bottom() + (valueName.isEmpty() ? 40 : 52);
        Svg svg = new Svg(Style.WIDTH, (int) legendTop + key.height() + 8, title);
        f.xGrid(svg, x);
        if (!categoryName.isEmpty()) svg.text(f.left() - 8, f.top() - 10, categoryName, "end", false, Style.MUTED);
        double zero = f.x(x, 0);
        int rowHeight = series.size() * BAR + GAP;
        for (int c = 0; c < categories.size(); c++) {
            double rowTop = f.top() + c * rowHeight + GAP / 2.0;
            String name = categories.get(c);
            svg.text(f.left() - 8, rowTop + series.size() * BAR / 2.0, Labels.fit(name, MAX_LABEL_CHARS), "end", true, Style.TEXT);
            for (int s = 0; s < series.size(); s++) {
                Bars b = series.get(s);
                double top = rowTop + s * BAR;
                double v = b.values[c];
                String tip = name + ", " + b.label() + ": " + valueText.apply(v)
                    + (b.hasInterval(c) ? " [" + valueText.apply(b.low[c]) + ", " + valueText.apply(b.high[c]) + "]" : "");
                if (Double.isFinite(v)) {
                    double end = f.x(x, v);
                    svg.rect(Math.min(zero, end), top + 1, Math.abs(end - zero), BAR - 2, b.color(), "", tip);
                    // With one bar per row and no interval the value is written at the bar's end, so a bar
                    // too short to see (a $20 fee beside $8,620 of rent) still reads.
                    if (series.size() == 1 && !b.hasInterval(c)) value(svg, f, end, v < 0, top + BAR / 2.0, valueText.apply(v));
                } else {
                    svg.text(zero + 4, top + BAR / 2.0, "n/a", "start", true, "#666");
                }
                if (b.hasInterval(c)) whisker(svg, f.x(x, b.low[c]), f.x(x, b.high[c]), top + BAR / 2.0);
            }
        }
        f.xName(svg, valueName);
        f.border(svg);
        key.draw(svg, legendTop);
        return svg.end();
    }

    /** A value beside its bar's end, outside the bar when there is room, else inside it in white. */
    private static void value(Svg svg, Frame f, double end, boolean negative, double cy, String text) {
        double room = negative ? end - f.left() : f.right() - end;
        boolean outside = room > Labels.width(text) + 8;
        String anchor = negative == outside ? "end" : "start";
        double x = negative == outside ? end - 4 : end + 4;
        svg.text(x, cy, text, anchor, true, outside ? Style.TEXT : Style.BACKGROUND);
    }

    /** An interval: a line with end caps, the height of the bar. */
    static void whisker(Svg svg, double from, double to, double cy) {
        svg.line(from, cy, to, cy, Style.WHISKER, " stroke-width=\"1.5\"");
        svg.line(from, cy - 4, from, cy + 4, Style.WHISKER, " stroke-width=\"1.5\"");
        svg.line(to, cy - 4, to, cy + 4, Style.WHISKER, " stroke-width=\"1.5\"");
    }
}
