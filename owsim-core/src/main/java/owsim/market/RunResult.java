package owsim.market;

import java.util.List;
import owsim.scenario.Months;

/**
 * Everything one run produced: its identity, the monthly series, and the end-of-run summary.
 * Engines produce it; report writers read it and never run a model.
 *
 * @param scenarioName the scenario's name
 * @param startMonth first simulated month, "YYYY-MM"
 * @param months number of simulated months
 * @param seed the run's root seed
 * @param engine the {@link EngineKind#id()} of the engine that made it: "aggregate" or "agent"
 */
public record RunResult(
    String scenarioName,
    String startMonth,
    int months,
    long seed,
    String engine,
    List<Series> series,
    List<LabSummary> labs,
    MarketSummary market) {

    public RunResult {
        series = List.copyOf(series);
        labs = List.copyOf(labs);
    }

    /** The series for this entity and metric, or null. */
    public Series series(String entity, String metric) {
        for (Series s : series) if (s.entity().equals(entity) && s.metric().equals(metric)) return s;
        return null;
    }

    /** "YYYY-MM" of month index m. */
    public String monthLabel(int m) {
        return Months.label(startMonth, m);
    }
}
