package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.market.LabSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * The labs' release policy decisions in a run with mechanism {@code releaseDecisions} on, read from its series
 * ({@link MetricNames#RELEASE_POLICY_OPEN_AFTER_MONTHS}): per lab whose policy changed, what it was at the start and
 * each change with its month, as lines for the text summary and the report. Empty when the run has no such series
 * (the switch off or the section left out), so such a run's outputs do not change.
 */
final class ReleasePolicyChanges {
    private ReleasePolicyChanges() {}

    /** One line per lab whose policy changed, e.g. "us-open: open on release at the start, 2026-04 closed, 2027-01 open after 6 months". */
    static List<String> of(RunResult run) {
        List<String> lines = new ArrayList<>();
        for (LabSummary l : run.labs()) {
            Series s = run.series(l.id(), MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS);
            if (s == null || s.months() == 0) continue;
            StringBuilder sb = new StringBuilder(l.id()).append(": ").append(policy(s.at(0))).append(" at the start");
            boolean changed = false;
            for (int m = 1; m < s.months(); m++) {
                if (Double.compare(s.at(m), s.at(m - 1)) == 0) continue;
                sb.append(", ").append(run.monthLabel(m)).append(' ').append(policy(s.at(m)));
                changed = true;
            }
            if (changed) lines.add(sb.toString());
        }
        return lines;
    }

    /** The lines of {@link #of} for the summary and the report, or one saying that no lab changed its policy. */
    static List<String> forReport(RunResult run) {
        List<String> lines = of(run);
        return lines.isEmpty() ? List.of("no lab changed its release policy") : lines;
    }

    /** Whether the run has release policy series at all. */
    static boolean present(RunResult run) {
        return LabSeries.present(run, MetricNames.RELEASE_POLICY_OPEN_AFTER_MONTHS);
    }

    /** The series' value in words: "closed", "open on release", "open after 6 months". */
    static String policy(double openAfterMonths) {
        if (openAfterMonths < 0) return "closed";
        if (openAfterMonths == 0) return "open on release";
        return String.format(Locale.ROOT, "open after %s months", openAfterMonths == Math.rint(openAfterMonths)
            ? Long.toString((long) openAfterMonths) : Double.toString(openAfterMonths));
    }
}
