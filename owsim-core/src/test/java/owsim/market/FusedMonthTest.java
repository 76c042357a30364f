package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;

/**
 * The aggregate engine's month books usage and sums next month's adoption shares in the pass over
 * the classes that chooses, and dilutes a class's shares by its segment's growth just before it
 * chooses where no lab's offers were rebuilt ({@link Choice#applyWithUsage}). Those are the same
 * operations in the same order as the separate steps, so the state must be the same bits, month by
 * month: any difference at all fails (no tolerance).
 */
class FusedMonthTest {
    /** The step list with a step that does nothing between choice and usage: the engine then applies each on its own. */
    private static List<Mechanism> unfused() {
        List<Mechanism> steps = new ArrayList<>();
        for (Mechanism m : MonthlySteps.ORDER) {
            if (m instanceof Usage) steps.add((w, s) -> { });
            steps.add(m);
        }
        return steps;
    }

    @Test
    void theFusedMonthIsTheSeparateStepsBitForBit() {
        for (Scenario sc : List.of(Fixtures.DEFAULT, Fixtures.ONE_REGION)) {
            World fw = Fixtures.world(sc);
            World uw = Fixtures.world(sc);
            MarketState fused = Runs.start(fw);
            MarketState separate = Runs.start(uw);
            List<Mechanism> apart = unfused();
            int diluted = 0;
            for (int m = 0; m < sc.months(); m++) {
                Runs.step(fw, fused, m, MonthlySteps.ORDER);
                Runs.step(uw, separate, m, apart);
                assertThat(fused.adoptersMade).isNotNull();
                assertThat(separate.adoptersMade).isNull();
                assertThat(fused.adoptersMade).containsExactly(Attention.adoptionShares(uw, separate, sc.mechanisms().hobbyistAdoption()));
                String at = sc.name() + " month " + m;
                assertThat(fused.shares).as(at).containsExactly(separate.shares);
                assertThat(fused.awareness).as(at).containsExactly(separate.awareness);
                assertThat(fused.revenue).as(at).containsExactly(separate.revenue);
                assertThat(fused.servingCost).as(at).containsExactly(separate.servingCost);
                assertThat(fused.tokens).as(at).containsExactly(separate.tokens);
                assertThat(fused.usersByKind).as(at).containsExactly(separate.usersByKind);
                assertThat(fused.segUsers).as(at).containsExactly(separate.segUsers);
                assertThat(fused.segRevenue).as(at).containsExactly(separate.segRevenue);
                assertThat(fused.segTokens).as(at).containsExactly(separate.segTokens);
                assertThat(fused.hostRevenue).as(at).containsExactly(separate.hostRevenue);
                assertThat(fused.cash).as(at).containsExactly(separate.cash);
                assertThat(Double.doubleToRawLongBits(fused.consumerSurplusUsd)).as(at).isEqualTo(Double.doubleToRawLongBits(separate.consumerSurplusUsd));
                assertThat(Double.doubleToRawLongBits(fused.allTokens)).as(at).isEqualTo(Double.doubleToRawLongBits(separate.allTokens));
                assertThat(Double.doubleToRawLongBits(fused.openTokens)).as(at).isEqualTo(Double.doubleToRawLongBits(separate.openTokens));
                if (m > 0 && fused.classChoice.dilutedPerClass()) diluted++;
            }
            // The default worlds have months without a new release, where each class is diluted as it chooses.
            assertThat(diluted).as(sc.name()).isGreaterThan(10);
        }
    }
}
