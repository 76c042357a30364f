package owsim.scenario;

import static owsim.io.Check.nonNullValues;
import static owsim.io.Check.range;
import static owsim.io.Check.required;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import owsim.policy.ReleasePolicies;
import owsim.policy.ReleasePolicy;

/**
 * How labs change the release policy of their next models (mechanism {@code releaseDecisions}): at each
 * decision point ({@code financing.decisionEveryMonths}, quarterly; not month 0) a lab listed in
 * {@code labs} chooses between the two policies of its menu. Under its open policy it switches to its
 * closed one when its newest frontier model is at most {@code closeWithinLog10Flop} below the best
 * closed model of the other labs (it no longer needs the attention open weights bring to be chosen)
 * and its awareness among the {@code audience} segment of its home region is at least
 * {@code closeAtAwareness} (marketing has done its job); under its closed policy it switches to its open
 * one when its newest frontier model is more than {@code openBehindLog10Flop} below the best model of
 * the other labs and its share of all labs' users fell by more than {@code openAtShareLoss} (relative)
 * since its last decision. A lab changes at most once in {@code minMonthsBetweenChanges} months. The
 * new policy applies to the lab's models released from then on; an older closed model opens when the
 * policy it was released under or the policy in force opens it. A lab listed in {@code fixedSchedules}
 * follows its schedule instead. Read only when the switch is on and the scenario has the section (left
 * out, every lab keeps its {@code policy} for the whole run, as before).
 *
 * @param closeWithinLog10Flop how close below the best closed model of the other labs an open lab's newest model must be
 *     for it to close, log10 FLOP (0..5; a model above that best always qualifies)
 * @param closeAtAwareness the awareness among its home region's audience an open lab needs before it closes, share (0..1)
 * @param openBehindLog10Flop how far below the best model of the other labs a closed lab's newest model must be for it to
 *     open, log10 FLOP (0..5)
 * @param openAtShareLoss the relative fall of a closed lab's share of all labs' users since its last decision that makes it
 *     open (0..1)
 * @param minMonthsBetweenChanges the fewest months between two changes of one lab's policy, months (0..120)
 * @param audience the segment whose awareness of a lab counts (its parts in the lab's home region when regions are on),
 *     a segment id; absent: {@code consumers}
 * @param labs the labs that decide, by lab id, with their menu: the open and the closed policy they choose between (the
 *     lab's {@code policy} must be one of the two)
 * @param fixedSchedules labs that follow a fixed schedule instead of the rule, by lab id: their release policy for decision
 *     periods 0, 1, 2, ... (the first from month 0; the last holds for the periods after), each as a lab's {@code policy} is written
 */
public record ReleaseDecisionsSpec(
    double closeWithinLog10Flop,
    double closeAtAwareness,
    double openBehindLog10Flop,
    double openAtShareLoss,
    int minMonthsBetweenChanges,
    String audience,
    Map<String, Menu> labs,
    Map<String, List<String>> fixedSchedules) {

    /** The segment whose awareness counts when {@code audience} is left out. */
    public static final String DEFAULT_AUDIENCE = "consumers";

    public ReleaseDecisionsSpec {
        range("closeWithinLog10Flop", closeWithinLog10Flop, 0, 5);
        range("closeAtAwareness", closeAtAwareness, 0, 1);
        range("openBehindLog10Flop", openBehindLog10Flop, 0, 5);
        range("openAtShareLoss", openAtShareLoss, 0, 1);
        range("minMonthsBetweenChanges", minMonthsBetweenChanges, 0, 120);
        if (audience == null) audience = DEFAULT_AUDIENCE;
        labs = labs == null ? Map.of() : nonNullValues("labs", labs);
        fixedSchedules = FixedSchedules.check(fixedSchedules, "release policy (allowed: " + ReleasePolicies.ALLOWED + ")",
            (field, k, text) -> policy(field + "[" + k + "]", text));
    }

    /**
     * One lab's menu: the policy it takes when it opens and the one it takes when it closes.
     *
     * @param open its open policy, written as a lab's {@code policy} (e.g. {@code open} or {@code open-delayed(6)})
     * @param closed its closed policy (e.g. {@code closed} or {@code open-small(32B)})
     */
    public record Menu(String open, String closed) {
        public Menu {
            policy("open", open);
            policy("closed", closed);
            if (ReleasePolicies.parse(open).text().equals(ReleasePolicies.parse(closed).text())) {
                throw new IllegalArgumentException("closed: must differ from open ('" + open + "'), was '" + closed + "'");
            }
        }

        /** The open policy, parsed. */
        public ReleasePolicy openPolicy() { return ReleasePolicies.parse(open); }

        /** The closed policy, parsed. */
        public ReleasePolicy closedPolicy() { return ReleasePolicies.parse(closed); }
    }

    /** A policy's text checked with the policy parser; the message names {@code field} instead of "policy". */
    private static ReleasePolicy policy(String field, String text) {
        required(field, text);
        try {
            return ReleasePolicies.parse(text);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(field + ": " + (m.startsWith("policy: ") ? m.substring("policy: ".length()) : m), e);
        }
    }

    /** This section with other fixed schedules (the rest as it is). */
    public ReleaseDecisionsSpec withFixedSchedules(Map<String, List<String>> schedules) {
        return new ReleaseDecisionsSpec(closeWithinLog10Flop, closeAtAwareness, openBehindLog10Flop, openAtShareLoss, minMonthsBetweenChanges, audience, labs, schedules);
    }

    /** This section with other deciding labs (the rest as it is). */
    public ReleaseDecisionsSpec withLabs(Map<String, Menu> menus) {
        return new ReleaseDecisionsSpec(closeWithinLog10Flop, closeAtAwareness, openBehindLog10Flop, openAtShareLoss, minMonthsBetweenChanges, audience, menus, fixedSchedules);
    }

    /** This section for a scenario with these labs: the menus and schedules of labs that are gone are dropped. */
    public ReleaseDecisionsSpec forLabs(Collection<String> labIds) {
        if (labIds.containsAll(fixedSchedules.keySet()) && labIds.containsAll(labs.keySet())) return this;
        return new ReleaseDecisionsSpec(closeWithinLog10Flop, closeAtAwareness, openBehindLog10Flop, openAtShareLoss, minMonthsBetweenChanges, audience,
            LabKeys.only(labs, labIds), LabKeys.only(fixedSchedules, labIds));
    }

    /** Lab {@code labId}'s fixed schedule (policy per decision period), or null when it does not follow one. */
    public List<String> schedule(String labId) {
        return fixedSchedules.get(labId);
    }

    /** The policy of a schedule in decision period {@code period} (0 for the first; before it, the first); the last holds after. */
    public static ReleasePolicy policyInPeriod(List<String> periods, int period) {
        return ReleasePolicies.parse(FixedSchedules.inPeriod(periods, period));
    }
}
