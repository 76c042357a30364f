package owsim.scenario;

import static owsim.io.Check.range;

import java.util.List;
import java.util.Map;

/**
 * How labs set their training budget (mechanism {@code trainingBudget}): at each decision point a
 * lab plans a year of R&amp;D compute as a share of its expected revenue (plus what its parent funds
 * beyond its running costs), of which its final training runs are a share, as far as its cash,
 * expected revenue and parent pay; the run's compute growth follows that budget and the falling cost
 * per FLOP, between 1x a year and the lab's {@code computeGrowthPerYear}. A lab listed in
 * {@code fixedSchedules} follows its schedule instead. Read only when the switch is on and the
 * scenario has the section (left out, no lab decides: every run grows at its lab's rate, as before).
 *
 * @param rdComputeShareOfRevenue R&amp;D compute (final runs, experiments, research) a lab plans a year, as a share of its expected revenue
 * @param finalRunShareOfRdCompute share of that R&amp;D compute that goes to the final training runs the model books (0..1]
 * @param expectedGrowthCapPerYear the most yearly revenue growth a lab extrapolates when it expects next year's revenue
 * @param fixedSchedules labs that follow a fixed schedule instead of the rule, by lab id: their run compute's growth
 *     factor per year for run years 1, 2, ... (the last value holds for the years after)
 * @param keepPaceWhileFunded whether a lab that investors would fund on scale ({@code financing.scaleRounds})
 *     plans, beside the revenue rule, the R&amp;D compute that grows its run at its {@code computeGrowthPerYear},
 *     as far as its cash, expected revenue and one such round pay after a year of running costs; absent: false
 */
public record TrainingBudgetSpec(
    double rdComputeShareOfRevenue,
    double finalRunShareOfRdCompute,
    double expectedGrowthCapPerYear,
    Map<String, List<Double>> fixedSchedules,
    Boolean keepPaceWhileFunded) {

    public TrainingBudgetSpec {
        if (keepPaceWhileFunded == null) keepPaceWhileFunded = Boolean.FALSE;
        range("rdComputeShareOfRevenue", rdComputeShareOfRevenue, 0, 100);
        range("finalRunShareOfRdCompute", finalRunShareOfRdCompute, 0.01, 1); // the research around a run is 1 / share of it: at most 100x [Ep-FR: 10-30%]
        range("expectedGrowthCapPerYear", expectedGrowthCapPerYear, 1, 100);
        fixedSchedules = FixedSchedules.check(fixedSchedules, 0.1, 100, "growth factor (factor/year)"); // the bounds of a lab's computeGrowthPerYear
    }

    /**
     * The documented values (the default scenario's {@code trainingBudget:} section): R&amp;D compute
     * 1.35x expected revenue (OpenAI 2024: about $5B of R&amp;D compute against $3.7B of revenue),
     * final runs 0.1 of it (Epoch AI's estimate for OpenAI 2024), expected growth at most 2.5x a year
     * (the labs' own 2026 plans), and no fixed schedule.
     */
    public static TrainingBudgetSpec defaults() {
        return new TrainingBudgetSpec(1.35, 0.1, 2.5, Map.of());
    }

    /** The rule without keeping pace while funded ({@code keepPaceWhileFunded} false). */
    public TrainingBudgetSpec(double rdComputeShareOfRevenue, double finalRunShareOfRdCompute, double expectedGrowthCapPerYear,
                              Map<String, List<Double>> fixedSchedules) {
        this(rdComputeShareOfRevenue, finalRunShareOfRdCompute, expectedGrowthCapPerYear, fixedSchedules, false);
    }

    /** The final-run budget as a share of expected revenue: {@code rdComputeShareOfRevenue x finalRunShareOfRdCompute}. */
    public double finalRunShareOfRevenue() {
        return rdComputeShareOfRevenue * finalRunShareOfRdCompute;
    }

    /** This section for a scenario with these labs: the schedules of labs that are gone are dropped. */
    public TrainingBudgetSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(fixedSchedules.keySet())) return this;
        Map<String, List<Double>> kept = LabKeys.only(fixedSchedules, labIds);
        return new TrainingBudgetSpec(rdComputeShareOfRevenue, finalRunShareOfRdCompute, expectedGrowthCapPerYear, kept, keepPaceWhileFunded);
    }

    /** Lab {@code labId}'s fixed schedule (growth per run year), or null when it decides by the rule. */
    public List<Double> schedule(String labId) {
        return fixedSchedules.get(labId);
    }

    /** The growth factor a year of a lab on schedule {@code years} in run year {@code year} (0 for the first); the last value holds after. */
    public static double growthInYear(List<Double> years, int year) {
        return FixedSchedules.inPeriod(years, year);
    }
}
