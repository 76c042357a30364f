package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.DecayRecurrence;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.scenario.EcosystemSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code ecosystemDecay} in the agent engine, which applies the same lab-level
 * {@code Ecosystem} step after its users: switched off, or the section left out, the agent run is
 * the one before, bit for bit; on, with derivatives feeding back into nothing (theta and psi 0, so
 * the same users are drawn), the stock follows D = D 2^(-1/h) + the undecayed run's monthly additions.
 */
class EcosystemDecayAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);
    private static final Scenario BEFORE = TestScenarios.FOUR_LABS.withMonths(12);
    private static final double H = 6;

    @Test void offOrLeftOutIsTheAgentRunBefore() {
        String before = RunDigest.of(new AgentEngine(CATALOG).run(BEFORE, OPTIONS));
        Scenario on = BEFORE.withEcosystem(new EcosystemSpec(H));
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on.with(MechanismSwitch.ECOSYSTEM_DECAY, false), OPTIONS))).isEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on, OPTIONS))).isNotEqualTo(before);
    }

    @Test void theDrawnStockFollowsTheRecurrence() {
        Scenario inert = DecayRecurrence.inert(BEFORE);
        RunResult plain = new AgentEngine(CATALOG).run(inert, OPTIONS);
        RunResult decayed = new AgentEngine(CATALOG).run(inert.withEcosystem(new EcosystemSpec(H)), OPTIONS);
        DecayRecurrence.assertFollows(plain, decayed, BEFORE.labs(), H);
    }
}
