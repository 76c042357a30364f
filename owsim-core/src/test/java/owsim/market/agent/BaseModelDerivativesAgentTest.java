package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.DecayRecurrence;
import owsim.market.MetricNames;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.DerivativesPerBaseModelSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * Mechanism {@code derivativesPerBaseModel} in the agent engine, which applies the same lab-level
 * {@code Ecosystem} step after its users: switched off, or the section left out, the agent run is
 * the one before, bit for bit; on, with derivatives feeding back into nothing (theta and psi 0, so
 * the same users are drawn as without it), the open challenger's weighted stock over its single
 * stock is the aggregate engine's.
 */
class BaseModelDerivativesAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(50_000, 2, null, null);
    private static final Scenario BEFORE = TestScenarios.FOUR_LABS.withMonths(12);
    private static final DerivativesPerBaseModelSpec SPEC = new DerivativesPerBaseModelSpec(0.7, 0.5, 4);
    private static final String LAB = "open-challenger";

    @Test void offOrLeftOutIsTheAgentRunBefore() {
        String before = RunDigest.of(new AgentEngine(CATALOG).run(BEFORE, OPTIONS));
        Scenario on = BEFORE.withDerivativesPerBaseModel(SPEC);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on.with(MechanismSwitch.DERIVATIVES_PER_BASE_MODEL, false), OPTIONS))).isEqualTo(before);
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(on, OPTIONS))).isNotEqualTo(before);
    }

    /**
     * The open challenger releases open bases in months -6, 0 and 6: by month 11 the ratio of its
     * weighted stock to its single stock is below 1 in both engines, and the engines' ratios agree
     * within 0.01 in every month (0.534 against 0.533 in month 1) (both apply the same step to the users they have; 50,000 agents).
     */
    @Test void theWeightedStockOverTheSingleStockIsTheAggregateEngines() {
        Scenario inert = DecayRecurrence.inert(BEFORE);
        Scenario on = inert.withDerivativesPerBaseModel(SPEC);
        RunResult agentOff = new AgentEngine(CATALOG).run(inert, OPTIONS);
        RunResult agentOn = new AgentEngine(CATALOG).run(on, OPTIONS);
        RunResult aggOff = new AggregateEngine(CATALOG).run(inert);
        RunResult aggOn = new AggregateEngine(CATALOG).run(on);
        for (int m = 1; m < 12; m++) {
            double agent = at(agentOn, m) / at(agentOff, m);
            double agg = at(aggOn, m) / at(aggOff, m);
            assertThat(agent).as("the engines' ratios, month %d", m).isCloseTo(agg, within(0.01));
        }
        assertThat(at(agentOn, 11) / at(agentOff, 11)).as("agent, month 11").isLessThan(0.95);
        assertThat(at(aggOn, 11) / at(aggOff, 11)).as("aggregate, month 11").isLessThan(0.95);
    }

    private static double at(RunResult r, int m) {
        return r.series(LAB, MetricNames.DERIVATIVES).values()[m];
    }
}
