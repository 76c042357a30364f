package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.format.Readable;

/**
 * Draws a {@link LineChart} as inline SVG: title, y axis with round ticks and its unit, x axis with
 * calendar-aligned month labels, grid, lines (broken where a value is missing) and a legend below.
 * Plain text out, no fonts or scripts to fetch; the same chart always gives the same text.
 */
final class SvgLineChart {
    private SvgLineChart() {}

    static final int WIDTH = 680;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 56;
    private static final int PLOT_HEIGHT = 240;
    private static final int LEGEND_ROW = 20;
    private static final double CHAR_PX = 6.8; // average width of a 12px sans-serif character
    private static final String FONT = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\"";

    /**
     * The chart as one {@code <svg>} element.
     *
     * @param startMonth "YYYY-MM" of month index 0
     * @param months number of months on the x axis
     */
    static String render(LineChart chart, String startMonth, int months) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        List<List<Line>> legendRows = legendRows(chart.legend(), plotWidth + LEFT - 8);
        int legendTop = TOP + PLOT_HEIGHT + 40;
        int height = legendTop + legendRows.size() * LEGEND_ROW + 8;
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
            .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
            .append("\" role=\"img\" ").append(FONT).append(" font-size=\"12\">\n");
        sb.append("<title>").append(Html.escape(chart.title())).append("</title>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        sb.append("<text x=\"8\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#111\">")
            .append(Html.escape(chart.title())).append("</text>\n");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double smallestPeak = Double.POSITIVE_INFINITY;
        for (LineChart.Line l : chart.lines()) {
            double peak = Double.NEGATIVE_INFINITY;
            for (double v : l.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    peak = Math.max(peak, v);
                }
            }
            if (peak > 0) smallestPeak = Math.min(smallestPeak, peak);
        }
        String unit = chart.yUnit();
        if (lo > hi) {
            sb.append("<text x=\"").append(LEFT + plotWidth / 2).append("\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                .append("\" text-anchor=\"middle\" fill=\"#666\">no data in this run</text>\n");
        } else {
            if (chart.includeZero()) {
                lo = Math.min(lo, 0);
                hi = Math.max(hi, 0);
            }
            YAxis y = chart.logRatio() > 0 ? YAxis.fit(lo, hi, smallestPeak, chart.logRatio()) : YAxis.linear(lo, hi);
            if (!y.note().isEmpty()) unit += " (" + y.note() + ")";
            yAxis(sb, chart.quantity(), y, plotWidth);
            xAxis(sb, startMonth, months, plotWidth);
            for (LineChart.Line l : chart.lines()) line(sb, l, y, months, plotWidth);
        }
        sb.append("<text x=\"8\" y=\"").append(TOP - 14).append("\" fill=\"#444\">")
            .append(Html.escape(unit)).append("</text>\n");
        sb.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotWidth)
            .append("\" height=\"").append(PLOT_HEIGHT).append("\" fill=\"none\" stroke=\"#888\"/>\n");
        legend(sb, legendRows, legendTop);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static void yAxis(StringBuilder sb, Quantity q, YAxis y, int plotWidth) {
        double[] ticks = y.ticks();
        String[] labels = y.labels(q);
        for (int i = 0; i < ticks.length; i++) {
            String py = n(yPx(ticks[i], y));
            boolean zero = y.emphasised(ticks[i]);
            sb.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"").append(py)
                .append("\" y2=\"").append(py).append("\" stroke=\"").append(zero ? "#666" : "#e3e3e3").append("\"/>\n");
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(py)
                .append("\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#333\">")
                .append(Html.escape(labels[i])).append("</text>\n");
        }
    }

    private static void xAxis(StringBuilder sb, String startMonth, int months, int plotWidth) {
        int startAbs = Integer.parseInt(startMonth.substring(0, 4)) * 12 + Integer.parseInt(startMonth.substring(5, 7)) - 1;
        int maxLabels = Math.max(2, plotWidth / 64);
        int step = 1;
        for (int s : new int[] {1, 2, 3, 6, 12, 24, 60, 120, 240, 600}) {
            step = s;
            if ((months + s - 1) / s <= maxLabels) break;
        }
        int baseline = TOP + PLOT_HEIGHT;
        for (int m = 0; m < months; m++) {
            int abs = startAbs + m;
            if (Math.floorMod(abs, step) != 0 && !(months == 1)) continue;
            String px = n(xPx(m, months, plotWidth));
            sb.append("<line x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(baseline).append("\" stroke=\"#f0f0f0\"/>\n");
            sb.append("<line x1=\"").append(px).append("\" x2=\"").append(px).append("\" y1=\"").append(baseline)
                .append("\" y2=\"").append(baseline + 5).append("\" stroke=\"#888\"/>\n");
            String label = String.format(Locale.ROOT, "%04d-%02d", abs / 12, abs % 12 + 1);
            sb.append("<text x=\"").append(px).append("\" y=\"").append(baseline + 18)
                .append("\" text-anchor=\"middle\" fill=\"#333\">").append(label).append("</text>\n");
        }
    }

    private static void line(StringBuilder sb, LineChart.Line l, YAxis y, int months, int plotWidth) {
        double[] raw = l.values();
        int n = Math.min(raw.length, months);
        // Vertical pixel of each month, NaN where nothing can be drawn (missing value, zero on a log axis).
        double[] v = new double[n];
        for (int m = 0; m < n; m++) v[m] = Double.isFinite(raw[m]) ? yPx(raw[m], y) : Double.NaN;
        StringBuilder d = new StringBuilder();
        List<Integer> isolated = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            if (Double.isNaN(v[m])) continue;
            boolean prev = m > 0 && !Double.isNaN(v[m - 1]);
            boolean next = m + 1 < n && !Double.isNaN(v[m + 1]);
            if (!prev && !next) isolated.add(m);
            d.append(prev ? " L" : (d.length() == 0 ? "M" : " M"))
                .append(n(xPx(m, months, plotWidth))).append(',').append(n(v[m]));
        }
        String dash = l.dash().isEmpty() ? "" : " stroke-dasharray=\"" + l.dash() + "\"";
        if (d.length() > 0) {
            sb.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(l.color())
                .append("\" stroke-width=\"").append(n(l.widthPx())).append('"').append(opacity(l))
                .append(" stroke-linejoin=\"round\"").append(l.band() ? "" : " stroke-linecap=\"round\"").append(dash).append("><title>")
                .append(Html.escape(l.label())).append("</title></path>\n");
        }
        for (int m : isolated) {
            sb.append("<circle cx=\"").append(n(xPx(m, months, plotWidth))).append("\" cy=\"").append(n(v[m]))
                .append("\" r=\"3\" fill=\"").append(l.color()).append("\"><title>").append(Html.escape(l.label()))
                .append("</title></circle>\n");
        }
    }

    private static List<List<Line>> legendRows(List<LineChart.Line> items, int width) {
        List<List<Line>> rows = new ArrayList<>();
        List<Line> row = new ArrayList<>();
        double x = 0;
        for (LineChart.Line item : items) {
            double w = itemWidth(item);
            if (!row.isEmpty() && x + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                x = 0;
            }
            row.add(new Line(item));
            x += w;
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    private static double itemWidth(LineChart.Line item) {
        return 30 + item.label().length() * CHAR_PX + 18;
    }

    private static void legend(StringBuilder sb, List<List<Line>> rows, int top) {
        for (int r = 0; r < rows.size(); r++) {
            double x = 8;
            int cy = top + r * LEGEND_ROW + LEGEND_ROW / 2;
            for (Line item : rows.get(r)) {
                LineChart.Line l = item.line;
                String dash = l.dash().isEmpty() ? "" : " stroke-dasharray=\"" + l.dash() + "\"";
                sb.append("<line x1=\"").append(n(x)).append("\" x2=\"").append(n(x + 24)).append("\" y1=\"").append(cy)
                    .append("\" y2=\"").append(cy).append("\" stroke=\"").append(l.color()).append("\" stroke-width=\"")
                    .append(l.band() ? n(l.widthPx()) : "2.5").append('"').append(opacity(l)).append(dash).append("/>\n");
                sb.append("<text x=\"").append(n(x + 30)).append("\" y=\"").append(cy)
                    .append("\" dominant-baseline=\"middle\" fill=\"#222\">").append(Html.escape(l.label())).append("</text>\n");
                x += itemWidth(l);
            }
        }
    }

    private static String opacity(LineChart.Line l) {
        return l.band() ? " stroke-opacity=\"0.45\"" : "";
    }

    /** A legend entry placed in a row (a wrapper so rows are plain lists). */
    private record Line(LineChart.Line line) {}

    private static double xPx(int month, int months, int plotWidth) {
        if (months <= 1) return LEFT + plotWidth / 2.0;
        return LEFT + plotWidth * (double) month / (months - 1);
    }

    private static double yPx(double value, YAxis y) {
        return TOP + PLOT_HEIGHT * (1 - y.position(value));
    }

    /** A coordinate with one decimal, dot as separator, whatever the machine's locale. */
    private static String n(double px) {
        return Readable.fixed(px, 1);
    }
}
