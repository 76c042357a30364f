package owsim.scenario;

import static owsim.io.Check.range;

import java.util.List;
import java.util.Map;

/**
 * How labs set the pay they offer researchers (mechanism {@code wageBids}): at each decision point
 * ({@code financing.decisionEveryMonths}, quarterly) a lab that filled less than
 * {@code fillShareToRaise} of its openings since its last decision raises its offer by the factor
 * {@code stepPerDecision}, up to a ceiling: {@code ceilingToBase} times its {@code researcherUsdPerYear},
 * and no more than a year's pay bill of {@code maxPayBillShareOfFunds} of its funds (its cash, its last 12
 * months' revenue and a year of its parent's funding cap); a lab that filled
 * all of them and offers more than the median lab eases its offer back by the step, not below the
 * median, and never below {@code floorToBase} times its {@code researcherUsdPerYear}. The offer is
 * what researchers weigh (with prestige) and what the lab pays all its researchers. A lab listed in
 * {@code fixedSchedules} follows its schedule instead. Read only when the switch is on and the
 * scenario has the section (left out, no lab decides: every lab pays its {@code researcherUsdPerYear}, as before).
 *
 * @param fillShareToRaise the share of its openings a lab must fill over a decision period not to raise its offer (0..1)
 * @param stepPerDecision the factor by which an offer rises (or eases back) at one decision (1..3)
 * @param ceilingToBase the highest offer, as a multiple of the lab's {@code researcherUsdPerYear} (1..100)
 * @param floorToBase the lowest offer, as a multiple of the lab's {@code researcherUsdPerYear} (0.1..ceilingToBase)
 * @param maxPayBillShareOfFunds the largest share of its funds (cash, last 12 months' revenue, a year of its parent's
 *     funding cap) a year of its research staff's pay at the offer may take (0..10)
 * @param fixedSchedules labs that follow a fixed schedule instead of the rule, by lab id: their offer as a factor of their
 *     {@code researcherUsdPerYear} for decision periods 0, 1, 2, ... (the first from month 0; the last value holds for the periods after)
 */
public record WageBidsSpec(
    double fillShareToRaise,
    double stepPerDecision,
    double ceilingToBase,
    double floorToBase,
    double maxPayBillShareOfFunds,
    Map<String, List<Double>> fixedSchedules) {

    public WageBidsSpec {
        range("fillShareToRaise", fillShareToRaise, 0, 1);
        range("stepPerDecision", stepPerDecision, 1, 3);
        range("ceilingToBase", ceilingToBase, 1, 100);
        range("floorToBase", floorToBase, 0.1, 100);
        if (floorToBase > ceilingToBase) {
            throw new IllegalArgumentException("floorToBase: must be at most ceilingToBase (" + ceilingToBase + "), was " + floorToBase);
        }
        range("maxPayBillShareOfFunds", maxPayBillShareOfFunds, 0, 10);
        fixedSchedules = FixedSchedules.check(fixedSchedules, 0.1, 100, "pay factor (x researcherUsdPerYear)");
    }

    /** This section with other fixed schedules (the rest as it is). */
    public WageBidsSpec withFixedSchedules(Map<String, List<Double>> schedules) {
        return new WageBidsSpec(fillShareToRaise, stepPerDecision, ceilingToBase, floorToBase, maxPayBillShareOfFunds, schedules);
    }

    /** This section for a scenario with these labs: the schedules of labs that are gone are dropped. */
    public WageBidsSpec forLabs(java.util.Collection<String> labIds) {
        if (labIds.containsAll(fixedSchedules.keySet())) return this;
        Map<String, List<Double>> kept = LabKeys.only(fixedSchedules, labIds);
        return withFixedSchedules(kept);
    }

    /** Lab {@code labId}'s fixed schedule (pay factor per decision period), or null when it decides by the rule. */
    public List<Double> schedule(String labId) {
        return fixedSchedules.get(labId);
    }

    /** The pay factor of a lab on schedule {@code periods} in decision period {@code period} (0 for the first); the last value holds after. */
    public static double factorInPeriod(List<Double> periods, int period) {
        return FixedSchedules.inPeriod(periods, period);
    }
}
