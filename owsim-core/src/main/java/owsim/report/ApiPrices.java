package owsim.report;

import java.util.List;
import java.util.Locale;
import owsim.market.MetricNames;
import owsim.market.RunResult;

/**
 * The labs' API price decisions in a run with mechanism {@code apiPricing} on, read from its
 * series: per lab with an API, its price in the first month and at each run year's end, as lines for
 * the text summary and the report. Empty when the run has no such series (the switch off or the
 * section left out), so such a run's outputs do not change.
 */
final class ApiPrices {
    private ApiPrices() {}

    /** One line per lab with an API, e.g. "frontier-closed: $4.38 at the start, 2025 $4.61, 2026 ...". */
    static List<String> of(RunResult run) {
        return YearEnds.of(run, MetricNames.API_USD_PER_MILLION_TOKENS, true, ApiPrices::usd);
    }

    /** Whether the run has API price series at all. */
    static boolean present(RunResult run) {
        return LabSeries.present(run, MetricNames.API_USD_PER_MILLION_TOKENS);
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, v >= 1 ? "$%.2f" : "$%.3f", v);
    }
}
