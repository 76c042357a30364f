package owsim.market.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.claims.Claim;
import owsim.claims.ClaimResult;
import owsim.claims.Claims;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.RunResult;
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Scenario;
import owsim.scenario.TestWorlds;

/** Engines by kind behind one interface: names parsed in one place, options where they belong, any engine for a claim. */
class EnginesTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final Scenario SHORT = TestWorlds.fourLabs().withMonths(6);

    @Test void namesRoundTripAndAnUnknownNameListsTheAllowedOnes() {
        for (EngineKind k : EngineKind.values()) assertThat(EngineKind.parse(k.id())).isSameAs(k);
        assertThat(EngineKind.AGGREGATE.stochastic()).isFalse();
        assertThat(EngineKind.AGENT.stochastic()).isTrue();
        assertThatThrownBy(() -> EngineKind.parse("magic")).hasMessage("must be 'aggregate' or 'agent', was 'magic'");
        assertThatThrownBy(() -> EngineKind.parse("Agent")).hasMessageContaining("'agent'");
    }

    @Test void eachKindBuildsItsEngineAndItsRunsCarryItsName() {
        Engine aggregate = Engines.create(EngineKind.AGGREGATE, CATALOG, null);
        Engine agent = Engines.create(EngineKind.AGENT, CATALOG, AgentOptions.of(5_000));
        assertThat(aggregate).isInstanceOf(AggregateEngine.class);
        assertThat(agent).isInstanceOf(AgentEngine.class);
        assertThat(((AgentEngine) agent).options().users()).isEqualTo(5_000);
        for (Engine e : new Engine[] {aggregate, agent}) {
            assertThat(e.catalog()).isSameAs(CATALOG);
            assertThat(e.run(SHORT).engine()).isEqualTo(e.kind().id()).isEqualTo(e.name());
        }
        assertThatThrownBy(() -> Engines.create(EngineKind.AGGREGATE, CATALOG, AgentOptions.of(5)))
            .hasMessageContaining("only for the agent engine");
        assertThatThrownBy(() -> Engines.create(EngineKind.AGENT, CATALOG, null)).hasMessageContaining("needs its options");
    }

    @Test void theAgentEnginesOwnOptionsAreThoseOfAnExplicitRun() {
        AgentOptions options = new AgentOptions(4_000, 2, null, null);
        RunResult bound = new AgentEngine(CATALOG, options).run(SHORT);
        RunResult explicit = new AgentEngine(CATALOG).run(SHORT, new AgentOptions(4_000, 1, null, null));
        assertThat(bound.labs()).isEqualTo(explicit.labs());
        assertThat(bound.market()).isEqualTo(explicit.market());
    }

    @Test void summarizeGivesTheSummariesOfAFullRun() {
        for (Engine e : new Engine[] {new AggregateEngine(CATALOG), new AgentEngine(CATALOG, AgentOptions.of(3_000))}) {
            RunResult full = e.run(SHORT);
            RunResult summary = e.summarize(SHORT);
            assertThat(summary.labs()).as(e.name()).isEqualTo(full.labs());
            assertThat(summary.market()).as(e.name()).isEqualTo(full.market());
        }
    }

    /** A claim takes any engine: on the agent engine it reruns its experiment with individual users, reproducibly. */
    @Test void aClaimRunsOnTheAgentEngine() {
        Scenario base = TestWorlds.fourLabs().withMonths(24);
        Claim spillover = Claims.all().get(0);
        Engine agent = new AgentEngine(CATALOG, AgentOptions.of(5_000));
        ClaimResult once = spillover.evaluate(base, agent);
        ClaimResult again = spillover.evaluate(base, agent);
        assertThat(once.id()).isEqualTo("a");
        assertThat(again.verdict()).isEqualTo(once.verdict());
        assertThat(again.effect()).isEqualTo(once.effect());
        assertThat(again.measures()).isEqualTo(once.measures());
        assertThat(once.finding()).isNotBlank();
    }
}
