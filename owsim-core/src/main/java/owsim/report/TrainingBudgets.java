package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import owsim.market.LabSummary;
import owsim.market.MetricNames;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * The labs' training-budget decisions in a run with mechanism {@code trainingBudget} on, read from
 * its series: per lab and run year, the budget and the run's compute growth it had decided by the
 * year's last month, as lines for the text summary and the report. Empty when the run has no such
 * series (the switch off or the section left out), so such a run's outputs do not change.
 */
final class TrainingBudgets {
    private TrainingBudgets() {}

    /** One line per lab, e.g. "frontier-closed: 2025 $665M a year at 2.38x, 2026 ...". */
    static List<String> of(RunResult run) {
        List<String> lines = new ArrayList<>();
        for (LabSummary l : run.labs()) {
            Series budget = run.series(l.id(), MetricNames.TRAINING_BUDGET_USD);
            Series growth = run.series(l.id(), MetricNames.COMPUTE_GROWTH_PER_YEAR);
            Series exited = run.series(l.id(), MetricNames.EXITED);
            if (budget == null || growth == null) continue;
            StringBuilder sb = new StringBuilder(l.id()).append(':');
            for (int start = 0; start < budget.months(); start += 12) {
                int last = Math.min(budget.months(), start + 12) - 1;
                if (exited != null && exited.at(start) > 0) break; // nothing decided after an exit
                String year = run.monthLabel(start).substring(0, 4);
                sb.append(start == 0 ? " " : ", ").append(year).append(' ');
                // A lab on a fixed schedule sets no budget (0): only its growth is shown.
                if (budget.at(last) > 0) sb.append(Quantity.MONEY.format(budget.at(last))).append(" a year at ");
                sb.append(String.format(Locale.ROOT, "%.2fx", growth.at(last)));
            }
            lines.add(sb.toString());
        }
        return lines;
    }

    /** Whether the run has training-budget series at all. */
    static boolean present(RunResult run) {
        return !run.labs().isEmpty() && run.series(run.labs().get(0).id(), MetricNames.TRAINING_BUDGET_USD) != null;
    }
}
