package owsim.scenario;

import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How labs set their API price (mechanism {@code apiPricing}): at each decision point
 * ({@code financing.decisionEveryMonths}, quarterly) a lab moves its price per token by at most a
 * factor of {@code maxStepPerDecision} toward {@code targetPriceToCost} times its own serving cost
 * per API token; when its share of the labs' API users fell by more than {@code shareLossToFollow}
 * since its last decision and a rival serves a model within {@code rivalCapabilityBand} of its
 * own for less (another lab's API, or a host serving open weights), it moves toward that rival's
 * price instead, never below {@code floorPriceToCost} times its cost. With {@code keepMatching}, a
 * lab that followed a rival keeps matching the cheapest rival in its band (up or down, never below
 * its floor) until no rival undercuts its target, rather than stepping back toward its target the
 * next quarter (without it, the price cycles by up to a step a quarter). A lab listed in
 * {@code fixedSchedules} follows its schedule instead. Read only when the switch is on and the
 * scenario has the section (left out, no lab decides: every lab keeps its list price, as before).
 *
 * @param targetPriceToCost the price a lab aims at, as a multiple of its own serving cost per API token (1..100)
 * @param floorPriceToCost the lowest price a lab follows a rival down to, as a multiple of its cost (0.1..targetPriceToCost)
 * @param maxStepPerDecision the most a price moves at one decision, as a factor up or down (1..10)
 * @param rivalCapabilityBand how far below the lab's own capability a rival's model still counts as similar, log10 FLOP (0..5)
 * @param shareLossToFollow the relative fall of a lab's share of API users since its last decision that makes it follow a cheaper rival (0..1)
 * @param keepMatching whether a lab that followed a rival keeps matching the cheapest rival in its band until none undercuts
 *     its target (true), or goes back to aiming at its target at its next decision that finds it not losing share (false: the rule before, which cycles)
 * @param targetPriceToCostByLab labs that aim at a multiple of their own instead of {@code targetPriceToCost}, by lab id (each 1..100)
 * @param fixedSchedules labs that follow a fixed schedule instead of the rule, by lab id: their price as a factor of their
 *     list {@code api} prices for decision periods 0, 1, 2, ... (the first from month 0; the last value holds for the periods after)
 */
public record ApiPricingSpec(
    double targetPriceToCost,
    double floorPriceToCost,
    double maxStepPerDecision,
    double rivalCapabilityBand,
    double shareLossToFollow,
    boolean keepMatching,
    Map<String, Double> targetPriceToCostByLab,
    Map<String, List<Double>> fixedSchedules) {

    public ApiPricingSpec {
        range("targetPriceToCost", targetPriceToCost, 1, 100);
        range("floorPriceToCost", floorPriceToCost, 0.1, 100);
        if (floorPriceToCost > targetPriceToCost) {
            throw new IllegalArgumentException("floorPriceToCost: must be at most targetPriceToCost (" + targetPriceToCost + "), was " + floorPriceToCost);
        }
        range("maxStepPerDecision", maxStepPerDecision, 1, 10);
        range("rivalCapabilityBand", rivalCapabilityBand, 0, 5);
        range("shareLossToFollow", shareLossToFollow, 0, 1);
        targetPriceToCostByLab = targetPriceToCostByLab == null ? Map.of() : nonNullValues("targetPriceToCostByLab", targetPriceToCostByLab);
        for (Map.Entry<String, Double> e : targetPriceToCostByLab.entrySet()) {
            range("targetPriceToCostByLab." + e.getKey(), e.getValue(), 1, 100);
            if (floorPriceToCost > e.getValue()) {
                throw new IllegalArgumentException("targetPriceToCostByLab." + e.getKey() + ": must be at least floorPriceToCost (" + floorPriceToCost + "), was " + e.getValue());
            }
        }
        targetPriceToCostByLab = Collections.unmodifiableMap(new LinkedHashMap<>(targetPriceToCostByLab));
        fixedSchedules = FixedSchedules.check(fixedSchedules, 0.01, 100, "price factor (x the list api prices)");
    }

    /** The same rule with every lab deciding at {@code targetPriceToCost} and these schedules. */
    public ApiPricingSpec(double targetPriceToCost, double floorPriceToCost, double maxStepPerDecision, double rivalCapabilityBand,
                          double shareLossToFollow, boolean keepMatching, Map<String, List<Double>> fixedSchedules) {
        this(targetPriceToCost, floorPriceToCost, maxStepPerDecision, rivalCapabilityBand, shareLossToFollow, keepMatching, Map.of(), fixedSchedules);
    }

    /** This section with other fixed schedules (the rest as it is). */
    public ApiPricingSpec withFixedSchedules(Map<String, List<Double>> schedules) {
        return new ApiPricingSpec(targetPriceToCost, floorPriceToCost, maxStepPerDecision, rivalCapabilityBand, shareLossToFollow, keepMatching, targetPriceToCostByLab, schedules);
    }

    /** This section with {@code keepMatching} set (the rest as it is). */
    public ApiPricingSpec withKeepMatching(boolean keep) {
        return new ApiPricingSpec(targetPriceToCost, floorPriceToCost, maxStepPerDecision, rivalCapabilityBand, shareLossToFollow, keep, targetPriceToCostByLab, fixedSchedules);
    }

    /** This section for a scenario with these labs: the targets and schedules of labs that are gone are dropped. */
    public ApiPricingSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(fixedSchedules.keySet()) && labIds.containsAll(targetPriceToCostByLab.keySet())) return this;
        Map<String, List<Double>> kept = LabKeys.only(fixedSchedules, labIds);
        Map<String, Double> targets = LabKeys.only(targetPriceToCostByLab, labIds);
        return new ApiPricingSpec(targetPriceToCost, floorPriceToCost, maxStepPerDecision, rivalCapabilityBand, shareLossToFollow, keepMatching, targets, kept);
    }

    /** The price-to-cost multiple lab {@code labId} aims at: its own when listed, else {@code targetPriceToCost}. */
    public double targetFor(String labId) {
        Double own = targetPriceToCostByLab.get(labId);
        return own == null ? targetPriceToCost : own;
    }

    /** Lab {@code labId}'s fixed schedule (price factor per decision period), or null when it decides by the rule. */
    public List<Double> schedule(String labId) {
        return fixedSchedules.get(labId);
    }

    /** The price factor of a lab on schedule {@code periods} in decision period {@code period} (0 for the first); the last value holds after. */
    public static double factorInPeriod(List<Double> periods, int period) {
        return FixedSchedules.inPeriod(periods, period);
    }
}
