package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import owsim.scenario.LabSpec;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.SegmentSpec;

/**
 * The check both engines' ecosystem-decay tests make: with derivatives feeding back into nothing,
 * each lab's decayed stock follows D = D 2^(-1/h) + the undecayed run's monthly additions.
 */
public final class DecayRecurrence {
    private DecayRecurrence() {}

    /** The scenario with derivatives feeding back into nothing (theta of every segment and psi 0), so each engine draws the same users whatever their stock. */
    public static Scenario inert(Scenario s) {
        ScenarioOverrides o = new ScenarioOverrides();
        Scenario inert = o.apply(s, "technology.communityProgressPerDerivativeGrowth", 0.0);
        for (SegmentSpec g : s.segments()) inert = o.apply(inert, "segments[" + g.id() + "].ecosystemWeight", 0.0);
        return inert;
    }

    /** Asserts the recurrence month by month for every lab, and that some lab's community makes derivatives at all. */
    public static void assertFollows(RunResult plain, RunResult decayed, List<LabSpec> labs, double halfLifeMonths) {
        double kept = Math.pow(0.5, 1 / halfLifeMonths);
        boolean grew = false;
        for (LabSpec lab : labs) {
            Series p = plain.series(lab.id(), MetricNames.DERIVATIVES);
            Series d = decayed.series(lab.id(), MetricNames.DERIVATIVES);
            double prev = 0;
            double expected = 0;
            for (int m = 0; m < p.months(); m++) {
                expected = expected * kept + (p.at(m) - prev);
                prev = p.at(m);
                assertThat(d.at(m)).as("%s month %d", lab.id(), m).isCloseTo(expected, within(1e-6 * (1 + expected)));
            }
            grew |= expected > 1;
        }
        assertThat(grew).as("some lab's community makes derivatives").isTrue();
    }
}
