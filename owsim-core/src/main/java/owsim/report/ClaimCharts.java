package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import owsim.claims.ChartData;
import owsim.report.chart.Axis;
import owsim.report.chart.BarChart;
import owsim.report.chart.Chart;
import owsim.report.chart.LineChart;
import owsim.report.chart.Series;
import owsim.report.chart.Style;
import owsim.report.chart.TickFormat;

/**
 * A claim's chart data drawn as the chart that fits it: bars when the x values name options
 * (subscription, rent, buy; off, on), lines over months or over a swept parameter otherwise.
 */
final class ClaimCharts {
    private ClaimCharts() {}

    /** The x axis name that marks a monthly series. */
    static final String MONTH = "month";
    /** At most this many month labels fit under a chart without touching. */
    private static final int MAX_MONTH_TICKS = 9;
    /** A swept parameter spanning more than this ratio is drawn on a log axis. */
    private static final double LOG_X_RATIO = 100;

    static Chart of(ChartData c) {
        return c.categorical() ? bars(c) : lines(c);
    }

    private static BarChart bars(ChartData c) {
        List<BarChart.Bars> bars = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            ChartData.Line l = c.lines().get(i);
            bars.add(new BarChart.Bars(l.name(), Style.color(i), l.y()));
        }
        String name = c.xLabel().contains(" (") ? c.xLabel().substring(0, c.xLabel().indexOf(" (")) : c.xLabel();
        return new BarChart(c.title(), name, c.yLabel(), format(c.yLabel()), text(c.yLabel()), c.categories(), bars, new double[0]);
    }

    private static LineChart lines(ChartData c) {
        List<Series> series = new ArrayList<>();
        double xlo = Double.POSITIVE_INFINITY;
        double xhi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.lines().size(); i++) {
            ChartData.Line l = c.lines().get(i);
            series.add(new Series(l.name(), Style.color(i), "", l.x(), l.y()));
            for (double v : l.x()) {
                if (Double.isFinite(v)) {
                    xlo = Math.min(xlo, v);
                    xhi = Math.max(xhi, v);
                }
            }
        }
        Axis x;
        String xName = c.xLabel();
        if (xlo > xhi) {
            x = Axis.Months.counted(1, MAX_MONTH_TICKS);
        } else if (xName.equals(MONTH)) {
            x = Axis.Months.counted((int) Math.round(xhi) + 1, MAX_MONTH_TICKS);
        } else if (xlo > 0 && xhi / xlo > LOG_X_RATIO) {
            x = Axis.Log.covering(xlo, xhi, format(xName));
        } else {
            x = Axis.linear(xlo, xhi, format(xName));
        }
        return LineChart.fitted(c.title(), xName, x, c.yLabel(), format(c.yLabel()), false, 0, series,
            series.stream().map(Series::key).toList());
    }

    /** Tick labels by the axis' unit: money for USD, percentages for shares, k/M/B for counts, else plain numbers. */
    static TickFormat format(String unit) {
        if (unit.equals("USD/USD")) return TickFormat.plain();
        if (unit.startsWith("USD") || unit.contains("(USD")) return Quantity.MONEY::tickLabels;
        if (unit.startsWith("share")) return Quantity.SHARE::tickLabels;
        if (unit.contains("log10")) return TickFormat.plain();
        return Quantity.COUNT::tickLabels;
    }

    private static DoubleFunction<String> text(String unit) {
        return v -> ClaimsText.value(v, unit);
    }
}
