package owsim.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.ToDoubleFunction;
import owsim.market.LabSummary;
import owsim.market.MarketSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.scenario.OptionKind;

/**
 * The run's summary as a text table for a terminal: one column per lab, one row per figure, money
 * as $1.2B, shares as percentages; then the market figures.
 */
public final class SummaryTable {
    private SummaryTable() {}

    /** Writes the table; the writer is flushed, not closed. */
    public static void write(RunResult run, Writer out) throws IOException {
        out.write(render(run));
        out.flush();
    }

    /** The table as text, lines ended by "\n". */
    public static String render(RunResult run) {
        StringBuilder sb = new StringBuilder();
        sb.append("Scenario ").append(run.scenarioName()).append(", seed ").append(run.seed())
            .append(", ").append(run.engine()).append(" engine, ").append(run.months()).append(" months ")
            .append(run.monthLabel(0)).append(" to ").append(run.monthLabel(Math.max(0, run.months() - 1))).append('\n');
        sb.append('\n');
        List<LabSummary> labs = run.labs();
        sb.append("Labs (users, capability, researchers and cash at the end; money flows summed over the run)\n");
        int cols = labs.size() + 1;
        TextTable t = new TextTable(cols);
        t.row(cells("lab", labs, LabSummary::id));
        t.row(cells("policy", labs, LabSummary::policy));
        boolean pro = LabSeries.present(run, MetricNames.PRO_SUBSCRIBERS);
        for (String option : UserOptions.of(labs)) {
            t.row(numbers("users: " + option, labs, l -> l.usersByOption().getOrDefault(option, 0.0), Quantity.COUNT));
            if (pro && option.equals(OptionKind.SUBSCRIPTION.toString())) {
                t.row(numbers("  of which pro plans", labs, l -> LabSeries.last(run, l, MetricNames.PRO_SUBSCRIBERS), Quantity.COUNT));
            }
        }
        t.row(numbers("users: all", labs, UserOptions::total, Quantity.COUNT));
        if (LabSeries.present(run, MetricNames.ENTERPRISE_SEATS)) {
            t.row(numbers("seats under contract", labs, l -> LabSeries.last(run, l, MetricNames.ENTERPRISE_SEATS), Quantity.COUNT));
        }
        t.row(numbers("tokens", labs, LabSummary::tokens, Quantity.COUNT));
        t.row(numbers("revenue", labs, LabSummary::revenueUsd, Quantity.MONEY));
        if (LabSeries.present(run, MetricNames.AD_REVENUE_USD)) {
            t.row(numbers("  of which ads", labs, l -> LabSeries.total(run, l, MetricNames.AD_REVENUE_USD), Quantity.MONEY));
        }
        if (LabSeries.present(run, MetricNames.PRO_REVENUE_USD)) {
            t.row(numbers("  of which pro plans", labs, l -> LabSeries.total(run, l, MetricNames.PRO_REVENUE_USD), Quantity.MONEY));
        }
        if (LabSeries.present(run, MetricNames.PARENT_APPS_REVENUE_USD)) {
            t.row(numbers("  of which parent apps", labs, l -> LabSeries.total(run, l, MetricNames.PARENT_APPS_REVENUE_USD), Quantity.MONEY));
        }
        if (LabSeries.present(run, MetricNames.CLOUD_HOSTING_REVENUE_USD)) {
            t.row(numbers("  of which cloud hosting", labs, l -> LabSeries.total(run, l, MetricNames.CLOUD_HOSTING_REVENUE_USD), Quantity.MONEY));
        }
        if (LabSeries.present(run, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD)) {
            t.row(numbers("  of which enterprise contracts", labs, l -> LabSeries.total(run, l, MetricNames.ENTERPRISE_CONTRACTS_REVENUE_USD), Quantity.MONEY));
        }
        t.row(numbers("serving cost", labs, LabSummary::servingCostUsd, Quantity.MONEY));
        t.row(numbers("distillation burden", labs, LabSummary::distillationBurdenUsd, Quantity.MONEY));
        t.row(numbers("training spend", labs, LabSummary::trainingSpendUsd, Quantity.MONEY));
        t.row(numbers("capability (log10 FLOP)", labs, LabSummary::capability, Quantity.CAPABILITY));
        t.row(numbers("researchers", labs, LabSummary::researchers, Quantity.COUNT));
        t.row(numbers("cash", labs, LabSummary::cashUsd, Quantity.MONEY));
        t.row(numbers("payoff", labs, LabSummary::payoff, Quantity.MONEY));
        sb.append(t.render("  "));
        sb.append('\n');
        MarketSummary m = run.market();
        sb.append("Market\n");
        TextTable mt = new TextTable(2);
        mt.row("open-weight share of tokens (last 12 months)", Quantity.SHARE.format(m.openWeightTokenShare()));
        mt.row("lag of the best open model behind the best closed", Quantity.MONTHS.format(m.openModelLagMonths()));
        mt.row("consumer surplus over the run", Quantity.MONEY.format(m.consumerSurplusUsd()));
        sb.append(mt.render("  "));
        appendRegions(run, sb);
        appendFinancing(run, sb);
        appendTrainingBudgets(run, sb);
        appendApiPrices(run, sb);
        appendPlanPrices(run, sb);
        appendPayOffers(run, sb);
        appendReleasePolicies(run, sb);
        return sb.toString();
    }

    /** Per region (when the run has regions): people and users at the end, each lab's users there and its revenue there over the run. */
    private static void appendRegions(RunResult run, StringBuilder sb) {
        List<RegionFigures> regions = RegionFigures.of(run);
        if (regions.isEmpty()) return;
        sb.append('\n');
        sb.append("Regions (people and users at the end; revenue from the labs' own services summed over the run)\n");
        TextTable t = new TextTable(regions.size() + 1);
        String[] head = new String[regions.size() + 1];
        head[0] = "region";
        for (int k = 0; k < regions.size(); k++) head[k + 1] = regions.get(k).id();
        t.row(head);
        t.row(regionRow("people", regions, r -> r.population(), Quantity.COUNT));
        t.row(regionRow("users: any lab", regions, r -> r.users(), Quantity.COUNT));
        for (LabSummary l : run.labs()) t.row(regionRow("users: " + l.id(), regions, r -> r.usersByLab().get(l.id()), Quantity.COUNT));
        for (LabSummary l : run.labs()) t.row(regionRow("revenue: " + l.id(), regions, r -> r.revenueUsdByLab().get(l.id()), Quantity.MONEY));
        sb.append(t.render("  "));
    }

    /** The labs' rounds, parent funding and exits (only with financing on). */
    private static void appendFinancing(RunResult run, StringBuilder sb) {
        if (!FinancingDecisions.present(run)) return;
        List<String> lines = FinancingDecisions.of(run);
        appendLines(sb, "Financing (money raised and exits)", lines.isEmpty() ? List.of("no lab raised money or exited") : lines);
    }

    /** The labs' API prices at the start and by year (only when labs decide them). */
    private static void appendApiPrices(RunResult run, StringBuilder sb) {
        if (!ApiPrices.present(run)) return;
        appendLines(sb, "API prices (USD per million blended tokens, at the start and at each year's end)", ApiPrices.of(run));
    }

    /** The labs' plan fees and caps at the start and by year (only when labs decide them). */
    private static void appendPlanPrices(RunResult run, StringBuilder sb) {
        if (!PlanPrices.present(run)) return;
        appendLines(sb, "Plans (fee, USD/month, and token cap, tokens/month, at the start and at each year's end)", PlanPrices.of(run));
    }

    /** The labs' pay offers to researchers at the start and by year (only when labs decide them). */
    private static void appendPayOffers(RunResult run, StringBuilder sb) {
        if (!PayOffers.present(run)) return;
        appendLines(sb, "Researcher pay offers (USD per researcher-year, at the start and at each year's end)", PayOffers.of(run));
    }

    /** The labs' release policy changes with their months (only when labs decide them). */
    private static void appendReleasePolicies(RunResult run, StringBuilder sb) {
        if (!ReleasePolicyChanges.present(run)) return;
        appendLines(sb, "Release policies (when each lab's policy for its new frontier models changed: how long after release it opens them)",
            ReleasePolicyChanges.forReport(run));
    }

    /** The labs' training budgets and compute growth by year (only when labs decide them). */
    private static void appendTrainingBudgets(RunResult run, StringBuilder sb) {
        if (!TrainingBudgets.present(run)) return;
        appendLines(sb, "Training budgets (what each lab plans to pay for training over the next 12 months, the research around its runs included"
            + " with researchCompute on, and the run's compute growth a year, as decided by each year's end)", TrainingBudgets.of(run));
    }

    /** A section of the labs' decisions: a blank line, its heading, then its lines indented. */
    private static void appendLines(StringBuilder sb, String heading, List<String> lines) {
        sb.append('\n').append(heading).append('\n');
        for (String line : lines) sb.append("  ").append(line).append('\n');
    }

    private static String[] regionRow(String name, List<RegionFigures> regions, ToDoubleFunction<RegionFigures> f, Quantity q) {
        String[] r = new String[regions.size() + 1];
        r[0] = name;
        for (int k = 0; k < regions.size(); k++) r[k + 1] = q.format(f.applyAsDouble(regions.get(k)));
        return r;
    }

    private static String[] cells(String name, List<LabSummary> labs, java.util.function.Function<LabSummary, String> f) {
        String[] r = new String[labs.size() + 1];
        r[0] = name;
        for (int i = 0; i < labs.size(); i++) r[i + 1] = f.apply(labs.get(i));
        return r;
    }

    private static String[] numbers(String name, List<LabSummary> labs, ToDoubleFunction<LabSummary> f, Quantity q) {
        return cells(name, labs, l -> q.format(f.applyAsDouble(l)));
    }
}
