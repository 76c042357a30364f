package owsim.report;

import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * A lab's series that only some runs record (a mechanism's, such as {@code advertising}'s ad
 * revenue or {@code proPlans}' pro subscribers and fees), read for the text summary and the
 * report. Absent when the run has no such series (the mechanism off, or no lab using it), so such
 * a run's outputs do not change.
 */
final class LabSeries {
    private LabSeries() {}

    /** Whether the run has the lab series {@code metric} at all. */
    static boolean present(RunResult run, String metric) {
        return !run.labs().isEmpty() && run.series(run.labs().get(0).id(), metric) != null;
    }

    /** The lab's series summed over the run (0 without the series). */
    static double total(RunResult run, LabSummary lab, String metric) {
        Series s = run.series(lab.id(), metric);
        if (s == null) return 0;
        double sum = 0;
        for (int m = 0; m < s.months(); m++) sum += s.at(m);
        return sum;
    }

    /** The lab's series at the run's last month (0 without the series or months). */
    static double last(RunResult run, LabSummary lab, String metric) {
        Series s = run.series(lab.id(), metric);
        return s == null || s.months() == 0 ? 0 : s.at(s.months() - 1);
    }
}
