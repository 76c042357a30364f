package owsim.report;

import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;

/**
 * The labs' pay offers to researchers in a run with mechanism {@code wageBids} on, read from its
 * series: per lab, its offer in the first month and at each run year's end, USD per researcher-year,
 * as lines for the text summary and the report. Empty when the run has no such series (the switch
 * off or the section left out), so such a run's outputs do not change.
 */
final class PayOffers {
    private PayOffers() {}

    /** One line per lab, e.g. "frontier-closed: $1.50M at the start, 2025 $2.00M, 2026 ...". */
    static List<String> of(RunResult run) {
        return YearEnds.of(run, MetricNames.RESEARCHER_PAY_USD_PER_YEAR, false, v -> String.format(Locale.ROOT, "$%.2fM", v / 1e6));
    }

    /** Whether the run has pay offer series at all. */
    static boolean present(RunResult run) {
        return LabSeries.present(run, MetricNames.RESEARCHER_PAY_USD_PER_YEAR);
    }
}
