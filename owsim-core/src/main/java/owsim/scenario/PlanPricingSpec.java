package owsim.scenario;

import static owsim.io.Check.nonNullElements;
import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How labs set their consumer plans' monthly fee and token cap (mechanism {@code planPricing}): at
 * each decision point ({@code financing.decisionEveryMonths}, quarterly; not month 0) a lab looks at
 * each of its plans (the {@code subscription} and, with {@code proPlans}, the {@code pro} plan) and
 * at its margin over serving cost in the last decision period: (fees - serving cost) / serving cost
 * of the plan's subscribers. Below {@code minMarginToCost} it first tightens the plan's cap, by at
 * most a factor {@code maxCapStepPerDecision}, down to {@code minCapShare} of the plan's scenario
 * cap; only with the cap at that floor does it raise the fee, by at most a factor
 * {@code maxPriceStepPerDecision}, to a whole number of {@code pricePointUsd}. Above
 * {@code maxMarginToCost} (serving got cheaper) it loosens the cap, up to {@code maxCapShare} of the
 * scenario cap; with the cap at that ceiling it lowers a fee it raised before, never below the
 * plan's scenario fee. Within the band nothing moves: prices are sticky. A lab listed in
 * {@code fixedSchedules} follows its schedule instead. Read only when the switch is on and the
 * scenario has the section (left out, every plan keeps its scenario fee and cap, as before).
 * With {@code objective: profit} the fee is set for profit instead (the cap moves as above): at each
 * decision point the lab compares its subscription's monthly profit, fees minus its subscribers'
 * serving cost, at the fee it has and at one price point up and one down (each within
 * {@code maxPriceStepPerDecision}), its subscribers at each fee predicted with the market's own
 * choice probabilities, rivals held fixed, and takes the best (a tie keeps the fee).
 *
 * @param minMarginToCost the lowest margin over serving cost a lab accepts on a plan before it moves (-1..100; 0.5: fees 1.5x the cost)
 * @param maxMarginToCost the highest margin over serving cost before it gives its subscribers more (minMarginToCost..1000)
 * @param maxCapStepPerDecision the most a cap moves at one decision, as a factor up or down (1..10)
 * @param minCapShare the lowest cap, as a share of the plan's scenario cap (0.01..1)
 * @param maxCapShare the highest cap, as a multiple of the plan's scenario cap (1..1000)
 * @param maxPriceStepPerDecision the most a fee moves at one decision, as a factor up or down (1..10)
 * @param pricePointUsd fees rest on whole multiples of this, USD/month (0.01..100; 1: whole dollars)
 * @param labs the labs that decide by the rule (null or left out: every lab with a plan)
 * @param fixedSchedules labs that follow a fixed schedule instead of the rule, by lab id: their plans' fee and cap as
 *     factors of the scenario's, for decision periods 0, 1, 2, ... (the first from month 0; the last value holds after)
 * @param objective what sets a fee: the margin band ({@code margin-band}, left out) or the plan's profit ({@code profit})
 */
public record PlanPricingSpec(
    double minMarginToCost,
    double maxMarginToCost,
    double maxCapStepPerDecision,
    double minCapShare,
    double maxCapShare,
    double maxPriceStepPerDecision,
    double pricePointUsd,
    List<String> labs,
    Map<String, Schedule> fixedSchedules,
    Objective objective) {

    /** What sets a plan's fee at a decision point. */
    public enum Objective {
        /** The margin band: the fee moves only with the cap at its floor or ceiling (the rule without the field). */
        MARGIN_BAND("margin-band"),
        /** The plan's profit: the best of the fee, one price point up and one down, by predicted subscribers. */
        PROFIT("profit");

        private final String text;

        Objective(String text) { this.text = text; }

        @JsonValue @Override public String toString() { return text; }

        @JsonCreator
        public static Objective parse(String s) {
            for (Objective o : values()) if (o.text.equalsIgnoreCase(s) || o.name().equalsIgnoreCase(s)) return o;
            throw new IllegalArgumentException("objective: '" + s + "' is not allowed; allowed: margin-band, profit");
        }
    }

    /** The section with the margin-band objective (the field left out). */
    public PlanPricingSpec(double minMarginToCost, double maxMarginToCost, double maxCapStepPerDecision, double minCapShare, double maxCapShare,
                           double maxPriceStepPerDecision, double pricePointUsd, List<String> labs, Map<String, Schedule> fixedSchedules) {
        this(minMarginToCost, maxMarginToCost, maxCapStepPerDecision, minCapShare, maxCapShare, maxPriceStepPerDecision, pricePointUsd, labs, fixedSchedules,
            null);
    }

    /**
     * A lab's fixed schedule: its plans' fee and cap as factors of the scenario's, one per decision period.
     *
     * @param priceFactor the fee factor for decision periods 0, 1, 2, ... (each 0.01..100; the last holds)
     * @param capFactor the cap factor for decision periods 0, 1, 2, ... (each 0.001..1000; the last holds)
     */
    public record Schedule(List<Double> priceFactor, List<Double> capFactor) {
        public Schedule {
            priceFactor = FixedSchedules.periods("priceFactor", priceFactor, 0.01, 100, "factor");
            capFactor = FixedSchedules.periods("capFactor", capFactor, 0.001, 1000, "factor");
        }
    }

    public PlanPricingSpec {
        range("minMarginToCost", minMarginToCost, -1, 100);
        if (maxMarginToCost < minMarginToCost) {
            throw new IllegalArgumentException("maxMarginToCost: must be at least minMarginToCost (" + minMarginToCost + ") and at most 1000, was " + maxMarginToCost);
        }
        range("maxMarginToCost", maxMarginToCost, minMarginToCost, 1000);
        range("maxCapStepPerDecision", maxCapStepPerDecision, 1, 10);
        range("minCapShare", minCapShare, 0.01, 1);
        range("maxCapShare", maxCapShare, 1, 1000);
        range("maxPriceStepPerDecision", maxPriceStepPerDecision, 1, 10);
        range("pricePointUsd", pricePointUsd, 0.01, 100);
        labs = labs == null ? null : nonNullElements("labs", labs);
        fixedSchedules = fixedSchedules == null ? Map.of() : nonNullValues("fixedSchedules", fixedSchedules);
        if (objective == null) objective = Objective.MARGIN_BAND;
    }

    /** Whether fees are set for profit ({@code objective: profit}). */
    public boolean forProfit() {
        return objective == Objective.PROFIT;
    }

    /** This section with another objective (the rest as it is). */
    public PlanPricingSpec withObjective(Objective o) {
        return new PlanPricingSpec(minMarginToCost, maxMarginToCost, maxCapStepPerDecision, minCapShare, maxCapShare, maxPriceStepPerDecision, pricePointUsd,
            labs, fixedSchedules, o);
    }

    /** Whether lab {@code labId} decides by the rule: listed (or no list given) and not on a schedule. */
    public boolean decides(String labId) {
        return !fixedSchedules.containsKey(labId) && (labs == null || labs.contains(labId));
    }

    /** Lab {@code labId}'s fixed schedule, or null when it decides by the rule (or not at all). */
    public Schedule schedule(String labId) {
        return fixedSchedules.get(labId);
    }

    /** The value of a schedule's factors in decision period {@code period} (0 for the first); the last holds after. */
    public static double factorInPeriod(List<Double> factors, int period) {
        return FixedSchedules.inPeriod(factors, period);
    }

    /** This section with other fixed schedules (the rest as it is). */
    public PlanPricingSpec withFixedSchedules(Map<String, Schedule> schedules) {
        return new PlanPricingSpec(minMarginToCost, maxMarginToCost, maxCapStepPerDecision, minCapShare, maxCapShare, maxPriceStepPerDecision, pricePointUsd,
            labs, schedules, objective);
    }

    /** This section for a scenario with these labs: the entries of labs that are gone are dropped. */
    public PlanPricingSpec forLabs(Collection<String> labIds) {
        if (labIds.containsAll(fixedSchedules.keySet()) && (labs == null || labIds.containsAll(labs))) return this;
        List<String> kept = labs == null ? null : labs.stream().filter(labIds::contains).toList();
        return new PlanPricingSpec(minMarginToCost, maxMarginToCost, maxCapStepPerDecision, minCapShare, maxCapShare, maxPriceStepPerDecision, pricePointUsd,
            kept, LabKeys.only(fixedSchedules, labIds), objective);
    }
}
