package owsim.report;

import java.util.ArrayList;
import java.util.List;
import owsim.market.MetricNames;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.Series;

/** The charts of {@code report.html}, built from a run's series (names from the series contract). */
final class ReportCharts {
    private ReportCharts() {}

    /** Okabe-Ito colours (readable with colour-blindness), then a few darker ones for larger worlds. */
    static final List<String> PALETTE = List.of(
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#117733", "#999933", "#661100");

    private static final double BAND_PX = 10;
    private static final double LINEAR = 0;
    /** Users and money go to a log axis when one lab's peak is 30 times another's: both stay readable. */
    private static final double LOG_RATIO = 30;
    private static final String COST_DASH = "6 3";

    /** Colour of the i-th lab; after the palette runs out colours repeat (labels still tell them apart). */
    static String color(int labIndex) {
        return PALETTE.get(labIndex % PALETTE.size());
    }

    static List<LineChart> of(RunResult run) {
        List<LineChart> charts = new ArrayList<>();

        // The best closed and best open models are wide bands under the labs' lines, like a highlighter:
        // the lab that holds the lead stays visible inside its band.
        List<LineChart.Line> capability = new ArrayList<>();
        capability.add(line("best closed model", "#777777", "", run, MetricNames.MARKET, MetricNames.BEST_CLOSED_CAPABILITY).withWidth(BAND_PX).positiveOnly());
        capability.add(line("best open-weight model", "#F0E442", "", run, MetricNames.MARKET, MetricNames.BEST_OPEN_CAPABILITY).withWidth(BAND_PX).positiveOnly());
        List<LineChart.Line> labCapability = new ArrayList<>();
        // An engine may write 0 for a lab with no model yet; log10 FLOP of a real model is far above 0.
        for (LineChart.Line l : perLab(run, MetricNames.CAPABILITY, "")) labCapability.add(l.positiveOnly());
        capability.addAll(labCapability);
        List<LineChart.Line> capabilityKey = new ArrayList<>(labCapability);
        capabilityKey.addAll(capability.subList(0, 2));
        charts.add(chart("Capability of each lab's best model", "log10 of effective training compute (FLOP)",
            Quantity.CAPABILITY, false, LINEAR, capability, capabilityKey));

        List<LineChart.Line> users = perLab(run, MetricNames.USERS, "");
        charts.add(chart("Users per lab (all options)", "users at the end of the month", Quantity.COUNT, true, LOG_RATIO, users, users));

        List<LineChart.Line> money = new ArrayList<>();
        List<LineChart.Line> moneyKey = new ArrayList<>();
        List<LabSummary> labs = run.labs();
        for (int i = 0; i < labs.size(); i++) {
            String id = labs.get(i).id();
            money.add(line(id + " revenue", color(i), "", run, id, MetricNames.REVENUE_USD));
            money.add(line(id + " serving cost", color(i), COST_DASH, run, id, MetricNames.SERVING_COST_USD));
            moneyKey.add(LineChart.Line.key(id, color(i), ""));
        }
        moneyKey.add(LineChart.Line.key("revenue", "#555555", ""));
        moneyKey.add(LineChart.Line.key("serving cost", "#555555", COST_DASH));
        charts.add(chart("Revenue and serving cost per lab", "USD per month", Quantity.MONEY, true, LOG_RATIO, money, moneyKey));

        List<LineChart.Line> cash = perLab(run, MetricNames.CASH_USD, "");
        charts.add(chart("Cash per lab", "USD at the end of the month", Quantity.MONEY, true, LINEAR, cash, cash));

        List<LineChart.Line> share = List.of(line("open-weight share of tokens", "#009E73", "", run, MetricNames.MARKET, MetricNames.OPEN_WEIGHT_TOKEN_SHARE));
        charts.add(chart("Open-weight share of tokens", "% of all tokens served in the month", Quantity.SHARE, true, LINEAR, share, share));

        List<LineChart.Line> lag = List.of(line("lag of the best open model", "#D55E00", "", run, MetricNames.MARKET, MetricNames.OPEN_MODEL_LAG_MONTHS));
        charts.add(chart("Lag of the best open-weight model behind the best closed one", "months", Quantity.MONTHS, true, LINEAR, lag, lag));
        return charts;
    }

    private static LineChart chart(String title, String unit, Quantity q, boolean zero, double logRatio,
                                   List<LineChart.Line> lines, List<LineChart.Line> legend) {
        return new LineChart(title, unit, q, zero, logRatio, lines, legend);
    }

    private static List<LineChart.Line> perLab(RunResult run, String metric, String dash) {
        List<LineChart.Line> lines = new ArrayList<>();
        List<LabSummary> labs = run.labs();
        for (int i = 0; i < labs.size(); i++) lines.add(line(labs.get(i).id(), color(i), dash, run, labs.get(i).id(), metric));
        return lines;
    }

    /** A line of the named series; a series the run lacks becomes an empty line (the chart says "no data"). */
    private static LineChart.Line line(String label, String color, String dash, RunResult run, String entity, String metric) {
        Series s = run.series(entity, metric);
        return new LineChart.Line(label, color, dash, s == null ? new double[0] : s.values());
    }
}
