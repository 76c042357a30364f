package owsim.report;

import owsim.market.LabSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * A lab's advertising revenue over a run (mechanism {@code advertising}), read from its series for
 * the text summary and the report: the part of its revenue its free tier's ads earned. Absent when
 * the run has no ad series (the switch off, or no lab showing ads), so such a run's outputs do not change.
 */
final class AdRevenue {
    private AdRevenue() {}

    /** Whether the run has ad revenue series at all. */
    static boolean present(RunResult run) {
        return !run.labs().isEmpty() && run.series(run.labs().get(0).id(), MetricNames.AD_REVENUE_USD) != null;
    }

    /** The lab's ad revenue summed over the run, USD (0 without the series). */
    static double total(RunResult run, LabSummary lab) {
        Series s = run.series(lab.id(), MetricNames.AD_REVENUE_USD);
        if (s == null) return 0;
        double sum = 0;
        for (int m = 0; m < s.months(); m++) sum += s.at(m);
        return sum;
    }
}
