package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.Series;
import owsim.scenario.EcosystemSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.SegmentSpec;

/**
 * Mechanism {@code ecosystemDecay} in the agent engine, which applies the same lab-level
 * {@code Ecosystem} step after its users: switched off, or the section left out, the agent run is
 * the one before, bit for bit; on, with derivatives feeding back into nothing (theta and psi 0, so
 * the same users are drawn), the stock follows D = D 2^(-1/h) + the undecayed run's monthly additions.
 */
class EcosystemDecayAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);
    private static final Scenario BEFORE = TestScenarios.DEFAULT.withMonths(12);
    private static final double H = 6;

    @Test void offOrLeftOutIsTheAgentRunBefore() {
        String before = RunDigest.of(new AgentEngine(CATALOG).run(BEFORE, OPTIONS));
        Scenario on = BEFORE.withEcosystem(new EcosystemSpec(H));
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on.with(MechanismSwitch.ECOSYSTEM_DECAY, false), OPTIONS))).isEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on, OPTIONS))).isNotEqualTo(before);
    }

    @Test void theDrawnStockFollowsTheRecurrence() {
        ScenarioOverrides o = new ScenarioOverrides();
        Scenario inert = o.apply(BEFORE, "technology.communityProgressPerDerivativeGrowth", 0.0);
        for (SegmentSpec g : BEFORE.segments()) inert = o.apply(inert, "segments[" + g.id() + "].ecosystemWeight", 0.0);
        RunResult plain = new AgentEngine(CATALOG).run(inert, OPTIONS);
        RunResult decayed = new AgentEngine(CATALOG).run(inert.withEcosystem(new EcosystemSpec(H)), OPTIONS);
        double kept = Math.pow(0.5, 1 / H);
        boolean grew = false;
        for (var lab : BEFORE.labs()) {
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
        assertThat(grew).as("some lab's drawn community makes derivatives").isTrue();
    }
}
