package owsim.report.chart;

import java.util.ArrayList;
import java.util.List;

/** Legend entries laid out left to right in rows under a chart, wrapped to the chart's width. */
final class Legend {
    static final int ROW = 20;
    private final List<List<Entry>> rows = new ArrayList<>();

    /**
     * One entry: a sample of the mark and its label.
     *
     * @param shape {@link Shape#LINE} for lines, {@link Shape#BOX} for bars and cells, {@link Shape#DOT} for points
     * @param widthPx stroke width of a line sample; a wide line is a half-transparent band
     */
    record Entry(String label, String color, String dash, double widthPx, Shape shape) {}

    enum Shape { LINE, BOX, DOT }

    Legend(List<Entry> entries, double width) {
        List<Entry> row = new ArrayList<>();
        double x = 0;
        for (Entry e : entries) {
            double w = width(e);
            if (!row.isEmpty() && x + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                x = 0;
            }
            row.add(e);
            x += w;
        }
        if (!row.isEmpty()) rows.add(row);
    }

    int height() {
        return rows.size() * ROW;
    }

    void draw(Svg svg, double top) {
        for (int r = 0; r < rows.size(); r++) {
            double x = 8;
            double cy = top + r * ROW + ROW / 2.0;
            for (Entry e : rows.get(r)) {
                switch (e.shape()) {
                    case LINE -> svg.line(x, cy, x + 24, cy, e.color(), " stroke-width=\"" + Svg.n(Math.max(2.5, e.widthPx())) + '"'
                        + (LineChart.band(e.widthPx()) ? LineChart.BAND_OPACITY : "") + (e.dash().isEmpty() ? "" : " stroke-dasharray=\"" + e.dash() + '"'));
                    case BOX -> svg.rect(x + 6, cy - 6, 12, 12, e.color(), "", "");
                    case DOT -> svg.circle(x + 12, cy, 4, e.color(), "");
                }
                svg.text(x + 30, cy, e.label(), "start", true, "#222");
                x += width(e);
            }
        }
    }

    private static double width(Entry e) {
        return 30 + e.label().length() * Style.CHAR_PX + 18;
    }
}
