package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.market.LabSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * The labs' API price decisions in a run with mechanism {@code apiPricing} on, read from its
 * series: per lab with an API, its price in the first month and at each run year's end, as lines for
 * the text summary and the report. Empty when the run has no such series (the switch off or the
 * section left out), so such a run's outputs do not change.
 */
final class ApiPrices {
    private ApiPrices() {}

    /** One line per lab with an API, e.g. "frontier-closed: $4.38 per million tokens at the start, 2025 $4.61, 2026 ...". */
    static List<String> of(RunResult run) {
        List<String> lines = new ArrayList<>();
        for (LabSummary l : run.labs()) {
            Series price = run.series(l.id(), MetricNames.API_USD_PER_MILLION_TOKENS);
            if (price == null || price.at(0) <= 0) continue; // no API
            StringBuilder sb = new StringBuilder(l.id()).append(": ").append(usd(price.at(0))).append(" at the start");
            for (int start = 0; start < price.months(); start += 12) {
                int last = Math.min(price.months(), start + 12) - 1;
                sb.append(", ").append(run.monthLabel(start), 0, 4).append(' ').append(usd(price.at(last)));
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    /** Whether the run has API price series at all. */
    static boolean present(RunResult run) {
        return !run.labs().isEmpty() && run.series(run.labs().get(0).id(), MetricNames.API_USD_PER_MILLION_TOKENS) != null;
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, v >= 1 ? "$%.2f" : "$%.3f", v);
    }
}
