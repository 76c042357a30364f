package owsim.report;

import java.util.ArrayList;
import java.util.List;
import owsim.market.LabSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * The labs' financing decisions in a run with mechanism {@code financing} on, read from its series:
 * each round or year of parent funding and each exit, as lines for the text summary and the report.
 * Empty when the run has no financing series (the switch off), so such a run's outputs do not change.
 */
final class FinancingDecisions {
    private FinancingDecisions() {}

    /** One line per decision, in lab order then month order, e.g. "frontier-closed: raised $13B in 2026-04". */
    static List<String> of(RunResult run) {
        List<String> lines = new ArrayList<>();
        for (LabSummary l : run.labs()) {
            Series raised = run.series(l.id(), MetricNames.RAISED_USD);
            Series exited = run.series(l.id(), MetricNames.EXITED);
            if (raised == null || exited == null) continue;
            // Consecutive months of money (a parent's monthly funding) are one line; a round is a month of its own.
            for (int m = 0; m < raised.months(); m++) {
                if (!(raised.at(m) > 0)) continue;
                int end = m;
                double sum = 0;
                while (end < raised.months() && raised.at(end) > 0) sum += raised.at(end++);
                lines.add(l.id() + ": raised " + Quantity.MONEY.format(sum) + " in " + run.monthLabel(m)
                    + (end - 1 > m ? " to " + run.monthLabel(end - 1) : ""));
                m = end - 1;
            }
            for (int m = 0; m < exited.months(); m++) {
                if (exited.at(m) > 0) {
                    lines.add(l.id() + ": exited in " + run.monthLabel(m) + " (out of money)");
                    break;
                }
            }
        }
        return lines;
    }

    /** Whether the run has financing series at all. */
    static boolean present(RunResult run) {
        return !run.labs().isEmpty() && run.series(run.labs().get(0).id(), MetricNames.RAISED_USD) != null;
    }
}
