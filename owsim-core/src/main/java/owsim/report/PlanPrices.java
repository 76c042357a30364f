package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.market.LabSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * The labs' plan decisions in a run with mechanism {@code planPricing} on, read from its series: per
 * lab and plan (its subscription, its pro plan), the fee and token cap in the first month and at each
 * run year's end, as lines for the text summary and the report. Empty when the run has no such
 * series (the switch off or the section left out), so such a run's outputs do not change.
 */
final class PlanPrices {
    private PlanPrices() {}

    /** One line per lab and plan it has, e.g. "frontier-closed subscription: $20 / 4.0M tokens at the start, 2025 $20 / 5.2M, ...". */
    static List<String> of(RunResult run) {
        List<String> lines = new ArrayList<>();
        for (LabSummary l : run.labs()) {
            line(run, l, "subscription", MetricNames.SUBSCRIPTION_USD_PER_MONTH, MetricNames.SUBSCRIPTION_TOKEN_CAP, lines);
            line(run, l, "pro", MetricNames.PRO_USD_PER_MONTH, MetricNames.PRO_TOKEN_CAP, lines);
        }
        return lines;
    }

    private static void line(RunResult run, LabSummary l, String plan, String feeMetric, String capMetric, List<String> lines) {
        Series fee = run.series(l.id(), feeMetric);
        Series cap = run.series(l.id(), capMetric);
        if (fee == null || cap == null || !(cap.at(0) > 0)) return; // a plan the lab does not have
        StringBuilder sb = new StringBuilder(l.id()).append(' ').append(plan).append(": ").append(plan(fee.at(0), cap.at(0))).append(" at the start");
        for (int start = 0; start < fee.months(); start += 12) {
            int last = Math.min(fee.months(), start + 12) - 1;
            sb.append(", ").append(run.monthLabel(start), 0, 4).append(' ').append(plan(fee.at(last), cap.at(last)));
        }
        lines.add(sb.toString());
    }

    /** A fee and cap, e.g. "$20 / 4.0M tokens" ("$20.50" when the fee is not whole dollars). */
    private static String plan(double fee, double cap) {
        String usd = fee == Math.rint(fee) ? String.format(Locale.ROOT, "$%.0f", fee) : String.format(Locale.ROOT, "$%.2f", fee);
        return usd + " / " + String.format(Locale.ROOT, "%.1fM tokens", cap / 1e6);
    }

    /** Whether the run has plan series at all. */
    static boolean present(RunResult run) {
        return LabSeries.present(run, MetricNames.SUBSCRIPTION_USD_PER_MONTH);
    }
}
