package owsim.market.agent;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import owsim.scenario.LabSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Mechanisms;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenario;
import owsim.scenario.SegmentSpec;

/** Scenarios derived from the four-lab world ({@code scenarios/four-labs-2025.yaml}) for the agent engine's tests. */
final class TestScenarios {
    private TestScenarios() {}

    /**
     * The one-region four-lab world (the default until the eight-lab landscape replaced it) with financing, advertising, training budgets and API pricing off: these tests
     * compare the agent engine with the aggregate's closure and pin digests made before those existed;
     * all are lab-level steps the engines take from the same list (FinancingTest runs financing on
     * both). With budgets decided from revenue, a lab's compute would follow its drawn users.
     */
    static final Scenario FOUR_LABS = withoutFinancing(owsim.scenario.Regions.strip(owsim.scenario.TestWorlds.fourLabs()));

    static Scenario withoutFinancing(Scenario s) {
        return s.withMechanisms(s.mechanisms().with(owsim.scenario.MechanismSwitch.FINANCING, false)
            .with(owsim.scenario.MechanismSwitch.ADVERTISING, false).with(owsim.scenario.MechanismSwitch.TRAINING_BUDGET, false)
            .with(owsim.scenario.MechanismSwitch.API_PRICING, false));
    }

    /** Innovation and imitation per year of the Bass-only world (Bass 1969 mean estimates: p = 0.03, q = 0.38). */
    static final double P = 0.03;
    static final double Q = 0.38;

    /**
     * A Bass-only world: one lab, one segment, only word of mouth switched on; everybody who knows
     * the lab uses it (utility +30, no prices, no capability weight, reconsidered every month), so
     * adopters = aware and awareness follows F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
     */
    static Scenario bassOnly() {
        return bassOnly(P, Q);
    }

    /** The Bass-only world with innovation p and imitation q per year. */
    static Scenario bassOnly(double p, double q) {
        LabSpec lab = with(FOUR_LABS.labs().get(0), Map.of("initialAwareness", Map.of(), "brandUtility", 0.0));
        SegmentSpec seg = FOUR_LABS.segments().get(0);
        Map<OptionKind, Double> utility = Map.of(OptionKind.SUBSCRIPTION, 30.0, OptionKind.FREE, 30.0, OptionKind.API, 30.0,
            OptionKind.HOSTED, 30.0, OptionKind.SELFHOST, 30.0);
        seg = with(seg, Map.ofEntries(Map.entry("populationGrowthPerYear", 1.0), Map.entry("capabilityWeightPerDecade", 0.0),
            Map.entry("priceWeightPerUsd", 0.0), Map.entry("switchingCostUtils", 0.0), Map.entry("churnPerMonth", 1.0),
            Map.entry("bassInnovationPerYear", p), Map.entry("wordOfMouthPerYear", q), Map.entry("ecosystemWeight", 0.0),
            Map.entry("optionUtility", utility)));
        // Every market mechanism but word of mouth off; the regional switches (after subscriptionCaps) stay on.
        Mechanisms only = Mechanisms.allOn();
        for (MechanismSwitch m : java.util.EnumSet.range(MechanismSwitch.RESEARCH, MechanismSwitch.SUBSCRIPTION_CAPS)) {
            if (m != MechanismSwitch.WORD_OF_MOUTH) only = only.with(m, false);
        }
        return FOUR_LABS.withDistillers(List.of()).withLabs(List.of(lab)).withSegments(List.of(seg)).withMechanisms(only).withMonths(60);
    }

    /** The default scenario with every lab known to everybody from the start (no awareness dynamics left to differ). */
    static Scenario everybodyAware() {
        return FOUR_LABS.withLabs(FOUR_LABS.labs().stream().map(l -> {
            java.util.Map<String, Double> all = new java.util.HashMap<>();
            for (SegmentSpec g : FOUR_LABS.segments()) all.put(g.id(), 1.0);
            return with(l, Map.of("initialAwareness", all));
        }).toList());
    }

    static double bassClosedForm(double years) {
        return bassClosedForm(P, Q, years);
    }

    /** F(t) of the Bass model with innovation p and imitation q per year. */
    static double bassClosedForm(double p, double q, double years) {
        double e = Math.exp(-(p + q) * years);
        return (1 - e) / (1 + q / p * e);
    }

    /** A copy of a record with some components replaced, by name. */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R r, Map<String, Object> changes) {
        try {
            RecordComponent[] cs = r.getClass().getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                args[i] = changes.containsKey(cs[i].getName()) ? changes.get(cs[i].getName()) : cs[i].getAccessor().invoke(r);
            }
            return (R) r.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
