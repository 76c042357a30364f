package owsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.Series;

/**
 * A decision series of each lab (a price, a pay offer) as text lines: its value in the first month and
 * at each run year's end, for the text summary and the report. Empty when the run has no such series
 * (its mechanism off or its section left out), so such a run's outputs do not change.
 */
final class YearEnds {
    private YearEnds() {}

    /**
     * One line per lab, e.g. "lab: $4.38 at the start, 2025 $4.61, 2026 ...".
     *
     * @param metric the per-lab series
     * @param positiveStartOnly leave out a lab whose first value is 0 or less (a price of a lab without an API)
     * @param format how a value prints
     */
    static List<String> of(RunResult run, String metric, boolean positiveStartOnly, DoubleFunction<String> format) {
        List<String> lines = new ArrayList<>();
        for (LabSummary l : run.labs()) {
            Series s = run.series(l.id(), metric);
            if (s == null || positiveStartOnly && s.at(0) <= 0) continue;
            StringBuilder sb = new StringBuilder(l.id()).append(": ").append(format.apply(s.at(0))).append(" at the start");
            for (int start = 0; start < s.months(); start += 12) {
                int last = Math.min(s.months(), start + 12) - 1;
                sb.append(", ").append(run.monthLabel(start), 0, 4).append(' ').append(format.apply(s.at(last)));
            }
            lines.add(sb.toString());
        }
        return lines;
    }
}
