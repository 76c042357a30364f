package owsim.report;

import owsim.report.chart.Html;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.ToDoubleFunction;
import owsim.market.LabSummary;
import owsim.market.MarketSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.scenario.OptionKind;
import owsim.report.chart.Chart;
import owsim.report.chart.Style;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, fonts, images or
 * links to fetch) with the run's summary tables and charts of the main series. Opens offline in
 * any browser; the same run gives the same bytes.
 */
final class HtmlReport {
    private HtmlReport() {}

    private static final String CSS = """
        body { font-family: FONT;
               margin: 24px; color: #111; background: #fafafa; }
        h1 { font-size: 22px; margin: 0 0 4px 0; }
        h2 { font-size: 17px; margin: 28px 0 8px 0; }
        p.meta { color: #444; margin: 0 0 8px 0; }
        table { border-collapse: collapse; background: #fff; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #e3e3e3; }
        th { text-align: left; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; }
        figure { margin: 0; background: #fff; border: 1px solid #ddd; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        .note { color: #555; font-size: 13px; max-width: 900px; }
        """.replace("FONT", Style.FONT);

    /** Writes the page; the writer is flushed, not closed. */
    public static void write(RunResult run, String owsimVersion, Writer out) throws IOException {
        out.write(render(run, owsimVersion));
        out.flush();
    }

    /** The page as text, lines ended by "\n". */
    public static String render(RunResult run, String owsimVersion) {
        String first = run.monthLabel(0);
        String last = run.monthLabel(Math.max(0, run.months() - 1));
        String name = Html.escape(run.scenarioName());
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>owsim: ").append(name).append(", seed ").append(run.seed()).append(", ")
            .append(Html.escape(run.engine())).append(" engine</title>\n")
            .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Scenario ").append(name).append(": seed ").append(run.seed()).append(", ")
            .append(Html.escape(run.engine())).append(" engine</h1>\n");
        sb.append("<p class=\"meta\">").append(run.months()).append(" months, ").append(first).append(" to ").append(last)
            .append(". owsim ").append(Html.escape(owsimVersion)).append(".</p>\n");

        sb.append("<h2>Labs</h2>\n");
        sb.append("<p class=\"note\">Users, capability, researchers and cash at the end of the run; "
            + "revenue, costs and tokens summed over the run.</p>\n");
        labTable(sb, run);
        if (FinancingDecisions.present(run)) {
            List<String> lines = FinancingDecisions.of(run);
            decisions(sb, "Financing", "Money raised (investors' rounds, a parent's funding) and exits.",
                lines.isEmpty() ? List.of("no lab raised money or exited") : lines);
        }
        if (TrainingBudgets.present(run)) {
            decisions(sb, "Training budgets", "Each lab's final-run training budget for the next 12 months and "
                + "its run's compute growth a year, as decided by each year's end.", TrainingBudgets.of(run));
        }
        if (ApiPrices.present(run)) {
            decisions(sb, "API prices", "Each lab's API price, USD per million blended tokens, at the start and "
                + "at each year's end, as its quarterly decisions set it.", ApiPrices.of(run));
        }
        if (PlanPrices.present(run)) {
            decisions(sb, "Plans", "Each lab's subscription and pro plan: fee, USD/month, and token cap, tokens/month, at the start and "
                + "at each year's end, as its quarterly decisions (or its schedule) set them.", PlanPrices.of(run));
        }
        if (PayOffers.present(run)) {
            decisions(sb, "Researcher pay offers", "The pay each lab offers researchers and pays its research staff, USD per "
                + "researcher-year, at the start and at each year's end, as its quarterly decisions (or its schedule) set it.", PayOffers.of(run));
        }
        if (ReleasePolicyChanges.present(run)) {
            decisions(sb, "Release policies", "When each lab's release policy for its new frontier models changed, as its quarterly "
                + "decisions (or its schedule) set it: how long after release the policy opens a model's weights.", ReleasePolicyChanges.forReport(run));
        }

        sb.append("<h2>Market</h2>\n");
        MarketSummary m = run.market();
        sb.append("<table>\n");
        marketRow(sb, "Open-weight share of tokens (last 12 months)", Quantity.SHARE.format(m.openWeightTokenShare()));
        marketRow(sb, "Lag of the best open model behind the best closed one (end)",
            Quantity.MONTHS.format(m.openModelLagMonths()));
        marketRow(sb, "Consumer surplus over the run", Quantity.MONEY.format(m.consumerSurplusUsd()));
        sb.append("</table>\n");

        sb.append("<h2>Month by month</h2>\n<div class=\"charts\">\n");
        for (Chart chart : ReportCharts.of(run)) {
            sb.append("<figure>\n").append(chart.svg()).append("</figure>\n");
        }
        sb.append("</div>\n");
        sb.append("<p class=\"note\">Every monthly series of this run is in <code>timeseries.csv</code> next to this page "
            + "(columns month, entity, metric, unit, value); the figures above are in <code>summary.json</code>.</p>\n");
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void labTable(StringBuilder sb, RunResult run) {
        List<LabSummary> labs = run.labs();
        sb.append("<table>\n<tr><th>lab</th>");
        for (int i = 0; i < labs.size(); i++) {
            sb.append("<th class=\"num\"><span style=\"color:").append(ReportCharts.color(i)).append("\">&#9632;</span> ")
                .append(Html.escape(labs.get(i).id())).append("</th>");
        }
        sb.append("</tr>\n");
        sb.append("<tr><td>policy</td>");
        for (LabSummary l : labs) sb.append("<td class=\"num\">").append(Html.escape(l.policy())).append("</td>");
        sb.append("</tr>\n");
        boolean pro = LabSeries.present(run, MetricNames.PRO_SUBSCRIBERS);
        for (String option : UserOptions.of(labs)) {
            labRow(sb, "users: " + option, labs, l -> l.usersByOption().getOrDefault(option, 0.0), Quantity.COUNT);
            if (pro && option.equals(OptionKind.SUBSCRIPTION.toString())) {
                labRow(sb, "of which pro plans", labs, l -> LabSeries.last(run, l, MetricNames.PRO_SUBSCRIBERS), Quantity.COUNT);
            }
        }
        labRow(sb, "users: all", labs, UserOptions::total, Quantity.COUNT);
        if (LabSeries.present(run, MetricNames.ENTERPRISE_SEATS)) labRow(sb, "seats under contract", labs, l -> LabSeries.last(run, l, MetricNames.ENTERPRISE_SEATS), Quantity.COUNT);
        labRow(sb, "tokens", labs, LabSummary::tokens, Quantity.COUNT);
        labRow(sb, "revenue", labs, LabSummary::revenueUsd, Quantity.MONEY);
        if (LabSeries.present(run, MetricNames.AD_REVENUE_USD)) labRow(sb, "of which ads", labs, l -> LabSeries.total(run, l, MetricNames.AD_REVENUE_USD), Quantity.MONEY);
        if (LabSeries.present(run, MetricNames.PRO_REVENUE_USD)) labRow(sb, "of which pro plans", labs, l -> LabSeries.total(run, l, MetricNames.PRO_REVENUE_USD), Quantity.MONEY);
        if (LabSeries.present(run, MetricNames.PARENT_APPS_REVENUE_USD)) {
            labRow(sb, "of which parent apps", labs, l -> LabSeries.total(run, l, MetricNames.PARENT_APPS_REVENUE_USD), Quantity.MONEY);
        }
        if (LabSeries.present(run, MetricNames.CLOUD_HOSTING_REVENUE_USD)) {
            labRow(sb, "of which cloud hosting", labs, l -> LabSeries.total(run, l, MetricNames.CLOUD_HOSTING_REVENUE_USD), Quantity.MONEY);
        }
        if (LabSeries.present(run, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD)) {
            labRow(sb, "of which enterprise contracts", labs, l -> LabSeries.total(run, l, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD), Quantity.MONEY);
        }
        labRow(sb, "serving cost", labs, LabSummary::servingCostUsd, Quantity.MONEY);
        labRow(sb, "distillation burden", labs, LabSummary::distillationBurdenUsd, Quantity.MONEY);
        labRow(sb, "training spend", labs, LabSummary::trainingSpendUsd, Quantity.MONEY);
        labRow(sb, "capability (log10 FLOP)", labs, LabSummary::capability, Quantity.CAPABILITY);
        labRow(sb, "researchers", labs, LabSummary::researchers, Quantity.COUNT);
        labRow(sb, "cash", labs, LabSummary::cashUsd, Quantity.MONEY);
        labRow(sb, "payoff", labs, LabSummary::payoff, Quantity.MONEY);
        sb.append("</table>\n");
    }

    private static void labRow(StringBuilder sb, String name, List<LabSummary> labs, ToDoubleFunction<LabSummary> f, Quantity q) {
        sb.append("<tr><td>").append(Html.escape(name)).append("</td>");
        for (LabSummary l : labs) sb.append("<td class=\"num\">").append(Html.escape(q.format(f.applyAsDouble(l)))).append("</td>");
        sb.append("</tr>\n");
    }

    /** A section of the labs' decisions: its heading, a note, and its lines as a list. */
    private static void decisions(StringBuilder sb, String heading, String note, List<String> lines) {
        sb.append("<h2>").append(heading).append("</h2>\n<p class=\"note\">").append(note).append("</p>\n<ul>\n");
        for (String line : lines) sb.append("<li>").append(Html.escape(line)).append("</li>\n");
        sb.append("</ul>\n");
    }

    private static void marketRow(StringBuilder sb, String name, String value) {
        sb.append("<tr><td>").append(Html.escape(name)).append("</td><td class=\"num\">").append(Html.escape(value))
            .append("</td></tr>\n");
    }
}
