package owsim.report;

import java.util.ArrayList;
import java.util.List;
import owsim.market.LabSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.report.chart.Axis;
import owsim.report.chart.LineChart;
import owsim.report.chart.Series;
import owsim.report.chart.Series.LegendKey;
import owsim.report.chart.Style;

/** The charts of {@code report.html}, built from a run's series (names from the series contract). */
final class ReportCharts {
    private ReportCharts() {}

    private static final double BAND_PX = 10;
    private static final double LINEAR = 0;
    /** Users and money go to a log axis when one lab's peak is 30 times another's: both stay readable. */
    private static final double LOG_RATIO = 30;
    private static final String COST_DASH = "6 3";
    /** At most this many month labels fit under a chart without touching. */
    private static final int MAX_MONTH_TICKS = 9;

    /** Colour of the i-th lab, the same in the tables and every chart. */
    static String color(int labIndex) {
        return Style.color(labIndex);
    }

    static List<LineChart> of(RunResult run) {
        Axis months = new Axis.Months(Math.max(1, run.months()), run.startMonth(), MAX_MONTH_TICKS);
        List<LineChart> charts = new ArrayList<>();

        // The best closed and best open models are wide bands under the labs' lines, like a highlighter:
        // the lab that holds the lead stays visible inside its band.
        List<Series> capability = new ArrayList<>();
        capability.add(line("best closed model", "#777777", "", run, MetricNames.MARKET, MetricNames.BEST_CLOSED_CAPABILITY).withWidth(BAND_PX).positiveOnly());
        capability.add(line("best open-weight model", "#F0E442", "", run, MetricNames.MARKET, MetricNames.BEST_OPEN_CAPABILITY).withWidth(BAND_PX).positiveOnly());
        List<Series> labCapability = new ArrayList<>();
        // An engine may write 0 for a lab with no model yet; log10 FLOP of a real model is far above 0.
        for (Series l : perLab(run, MetricNames.CAPABILITY)) labCapability.add(l.positiveOnly());
        capability.addAll(labCapability);
        List<Series> capabilityKey = new ArrayList<>(labCapability);
        capabilityKey.addAll(capability.subList(0, 2));
        charts.add(chart(months, "Capability of each lab's best model", "log10 of effective training compute (FLOP)",
            Quantity.CAPABILITY, false, LINEAR, capability, keys(capabilityKey)));

        List<Series> users = perLab(run, MetricNames.USERS);
        charts.add(chart(months, "Users per lab (all options)", "users at the end of the month", Quantity.COUNT, true, LOG_RATIO, users, keys(users)));

        List<Series> money = new ArrayList<>();
        List<LegendKey> moneyKey = new ArrayList<>();
        List<LabSummary> labs = run.labs();
        for (int i = 0; i < labs.size(); i++) {
            String id = labs.get(i).id();
            money.add(line(id + " revenue", color(i), "", run, id, MetricNames.REVENUE_USD));
            money.add(line(id + " serving cost", color(i), COST_DASH, run, id, MetricNames.SERVING_COST_USD));
            moneyKey.add(new LegendKey(id, color(i), ""));
        }
        moneyKey.add(new LegendKey("revenue", "#555555", ""));
        moneyKey.add(new LegendKey("serving cost", "#555555", COST_DASH));
        charts.add(chart(months, "Revenue and serving cost per lab", "USD per month", Quantity.MONEY, true, LOG_RATIO, money, moneyKey));

        List<Series> cash = perLab(run, MetricNames.CASH_USD);
        charts.add(chart(months, "Cash per lab", "USD at the end of the month", Quantity.MONEY, true, LINEAR, cash, keys(cash)));

        List<Series> share = List.of(line("open-weight share of tokens", "#009E73", "", run, MetricNames.MARKET, MetricNames.OPEN_WEIGHT_TOKEN_SHARE));
        charts.add(chart(months, "Open-weight share of tokens", "% of all tokens served in the month", Quantity.SHARE, true, LINEAR, share, keys(share)));

        List<Series> lag = List.of(line("lag of the best open model", "#D55E00", "", run, MetricNames.MARKET, MetricNames.OPEN_MODEL_LAG_MONTHS));
        charts.add(chart(months, "Lag of the best open-weight model behind the best closed one", "months", Quantity.MONTHS, true, LINEAR, lag, keys(lag)));
        return charts;
    }

    private static LineChart chart(Axis months, String title, String unit, Quantity q, boolean zero, double logRatio, List<Series> lines,
                                   List<LegendKey> legend) {
        return LineChart.fitted(title, "", months, unit, q::tickLabels, zero, logRatio, lines, legend);
    }

    private static List<LegendKey> keys(List<Series> lines) {
        return lines.stream().map(Series::key).toList();
    }

    private static List<Series> perLab(RunResult run, String metric) {
        List<Series> lines = new ArrayList<>();
        List<LabSummary> labs = run.labs();
        for (int i = 0; i < labs.size(); i++) lines.add(line(labs.get(i).id(), color(i), "", run, labs.get(i).id(), metric));
        return lines;
    }

    /** A line of the named series; a series the run lacks becomes an empty line (the chart says "no data"). */
    private static Series line(String label, String color, String dash, RunResult run, String entity, String metric) {
        owsim.market.Series s = run.series(entity, metric);
        return Series.monthly(label, color, dash, s == null ? new double[0] : s.values());
    }
}
