package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.scenario.FinancingSpec;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Scenario;

/**
 * {@code financing.parentReservesRunningCosts} in the agent engine, which books money through the same
 * financing step: false is the run without the field, bit for bit; true moves the run of a lab whose
 * parent's cap binds, and the parent still pays at most its cap in every run year.
 */
class ParentReservesAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(20_000, 2, null, null);
    private static final double CAP = 5.0e9;

    private static Scenario capped(Boolean reserves) {
        // The test world (one region) with financing on; ads, the training budget and API pricing off, as the aggregate test's.
        Scenario base = TestScenarios.FOUR_LABS.withMonths(36).withMechanisms(TestScenarios.FOUR_LABS.mechanisms().with(MechanismSwitch.FINANCING, true).with(MechanismSwitch.ADVERTISING, false)
            .with(MechanismSwitch.TRAINING_BUDGET, false).with(MechanismSwitch.API_PRICING, false));
        // Its marketing at $300M a month: running costs its revenue does not cover, which the reserve keeps paid.
        base = base.withLabs(base.labs().stream().map(l -> l.id().equals("app-giant") ? TestScenarios.with(l, Map.of("marketingUsdPerMonth", 3.0e8)) : l).toList());
        FinancingSpec f = base.financing();
        return base.withFinancing(new FinancingSpec(f.roundRevenueMultiple(), f.tractionGrowthPerYear(), f.runwayTriggerMonths(),
            f.decisionEveryMonths(), f.exitAfterNegativeMonths(), Map.of("app-giant", CAP), f.scaleRounds(), reserves));
    }

    @Test void falseIsTheRunWithoutItAndTrueKeepsTheCap() {
        String before = RunDigest.of(new AgentEngine(CATALOG).run(capped(null), OPTIONS));
        assertThat(RunDigest.of(new AgentEngine(CATALOG).run(capped(false), OPTIONS))).isEqualTo(before);
        RunResult on = new AgentEngine(CATALOG).run(capped(true), OPTIONS);
        assertThat(RunDigest.of(on)).isNotEqualTo(before);
        double[] raised = on.series("app-giant", "raisedUsd").values();
        for (int y = 0; y < 3; y++) {
            double paid = 0;
            for (int m = 12 * y; m < 12 * y + 12; m++) paid += raised[m];
            assertThat(paid).as("the parent's payments in run year " + y).isLessThanOrEqualTo(CAP * (1 + 1e-12));
        }
    }
}
