package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Payoff;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

class WeightedPayoffTest {
    private final AggregateEngine engine = new AggregateEngine(Catalog.bundled());
    private final Scenario base = owsim.scenario.TestWorlds.fourLabs().withMonths(24);

    private double[] payoffs(Scenario s) {
        return engine.run(s).labs().stream().mapToDouble(LabSummary::payoff).toArray();
    }

    @Test
    void weightedPayoffIsTheWeightedSumOfTheOtherMeasures() {
        double[] profit = payoffs(base.withPayoff(Payoff.DISCOUNTED_PROFIT));
        double[] share = payoffs(base.withPayoff(Payoff.TOKEN_SHARE));
        Scenario s = Scenarios.parse("w.yaml", owsim.scenario.TestWorlds.fourLabsYaml()
            .replace("payoff: discounted-profit-plus-terminal", "payoff: weighted\n  payoffWeights: {discounted-profit: 1, token-share: 5.0e10}"))
            .withMonths(24);
        assertThat(s.run().payoffWeights()).isEqualTo(Map.of("discounted-profit", 1.0, "token-share", 5.0e10));
        double[] mix = payoffs(s);
        for (int i = 0; i < mix.length; i++) {
            assertThat(mix[i]).isCloseTo(profit[i] + 5.0e10 * share[i], org.assertj.core.data.Offset.offset(1e-6 * Math.abs(profit[i]) + 1));
        }
    }

    @Test
    void weightsAreRefusedWithoutWeightedPayoffAndUnknownMeasuresAreNamed() {
        String yaml = owsim.scenario.TestWorlds.fourLabsYaml();
        assertThatThrownBy(() -> Scenarios.parse("a.yaml", yaml.replace("payoff: discounted-profit-plus-terminal",
                "payoff: end-cash\n  payoffWeights: {token-share: 1}")))
            .isInstanceOf(InputException.class).hasMessageContaining("run.payoffWeights").hasMessageContaining("only used with payoff: weighted");
        assertThatThrownBy(() -> Scenarios.parse("b.yaml", yaml.replace("payoff: discounted-profit-plus-terminal",
                "payoff: weighted\n  payoffWeights: {market-cap: 1}")))
            .isInstanceOf(InputException.class).hasMessageContaining("'market-cap' is not a payoff measure").hasMessageContaining("token-share");
        assertThatThrownBy(() -> Scenarios.parse("c.yaml", yaml.replace("payoff: discounted-profit-plus-terminal", "payoff: weighted")))
            .isInstanceOf(InputException.class).hasMessageContaining("needs at least one weight");
    }
}
