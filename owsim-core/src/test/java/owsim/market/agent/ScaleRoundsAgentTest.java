package owsim.market.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.market.RunDigest;
import owsim.market.RunResult;
import owsim.scenario.ScaleRoundsSpec;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * The agent engine with investors who fund on scale ({@code financing.scaleRounds}): absent, or
 * present and never met, the landscape's run is the one without them, bit for bit; present, the
 * frontier lab raises its first round, which the traction rule does not fund, in 2026-07, as in the
 * aggregate engine (ScaleRoundsTest).
 */
class ScaleRoundsAgentTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final AgentOptions OPTIONS = new AgentOptions(20_000, 2, null, null);
    private static final Scenario LANDSCAPE = Scenarios.load(Path.of("..").resolve("scenarios/landscape-2025.yaml")).withMonths(19);

    private static Scenario with(ScaleRoundsSpec sr) {
        return LANDSCAPE.withFinancing(LANDSCAPE.financing().withScaleRounds(sr));
    }

    @Test void absentOrNeverMetIsTheRunWithoutAndPresentItFundsTheFrontierLab() {
        RunResult without = new AgentEngine(CATALOG).run(with(null), OPTIONS);
        RunResult never = new AgentEngine(CATALOG).run(with(new ScaleRoundsSpec(35, 0.08, 1e15, 1.0, 12)), OPTIONS);
        assertThat(RunDigest.of(never)).isEqualTo(RunDigest.of(without));
        RunResult on = new AgentEngine(CATALOG).run(with(new ScaleRoundsSpec(35, 0.08, 5e10, 1.0, 12)), OPTIONS);
        double[] raisedWithout = without.series("frontier-closed", "raisedUsd").values();
        double[] raised = on.series("frontier-closed", "raisedUsd").values();
        double[] revenue = on.series("frontier-closed", "revenueUsd").values();
        for (double x : raisedWithout) assertThat(x).isZero();
        int first = -1;
        for (int m = 0; m < raised.length && first < 0; m++) if (raised[m] > 0) first = m;
        assertThat(first).as("first round on scale").isBetween(15, 18);
        assertThat(raised[first]).isCloseTo(0.08 * 35 * 12 * revenue[first], org.assertj.core.api.Assertions.within(1e-3));
    }
}
