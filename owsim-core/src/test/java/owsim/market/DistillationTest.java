package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

class DistillationTest {
    @Test
    void closedTargetIsPaidAndBearsServingCostMinusPayment() {
        var x = Fixtures.steppedTo(Fixtures.DEFAULT, 6);
        Fixtures.stepUntil(x, Distillation.class);
        MarketState s = x.state();
        int target = Fixtures.DEFAULT.labIndex("frontier-closed");
        int student = Fixtures.DEFAULT.labIndex("app-giant");
        double lnA = s.lnA[student];
        new Distillation().apply(x.world(), s);
        assertThat(s.harvestRevenue[target]).isGreaterThan(0);
        assertThat(s.servingCost[target]).isGreaterThan(0);
        assertThat(s.burden[target]).isCloseTo(s.servingCost[target] - s.harvestRevenue[target], within(1e-6));
        double spent = 0;
        for (int i = 0; i < x.world().labs; i++) spent += s.harvestSpend[i];
        assertThat(spent).isCloseTo(s.harvestRevenue[target], within(1e-6));
        assertThat(s.lnA[student]).isGreaterThan(lnA);
    }

    @Test
    void openTargetIsDownloadedWithNoTrafficOrBurden() {
        var sc = Fixtures.DEFAULT.withPolicy("frontier-closed", "open");
        var x = Fixtures.steppedTo(sc, 6);
        Fixtures.stepUntil(x, Distillation.class);
        MarketState s = x.state();
        int target = sc.labIndex("frontier-closed");
        int student = sc.labIndex("app-giant");
        double lnA = s.lnA[student];
        new Distillation().apply(x.world(), s);
        assertThat(s.harvestRevenue[target]).isZero();
        assertThat(s.burden[target]).isZero();
        assertThat(s.lnA[student]).isGreaterThan(lnA);
    }

    /**
     * Issue 12: a closed target without a subscription (the distillers' subscription share then
     * carries nothing) made the price per exchange 0 x infinity = NaN, and NaN reached revenue, cash
     * and payoff of the target and of every student.
     */
    @Test
    void targetWithoutSubscriptionIsHarvestedThroughItsOtherChannelsWithFiniteFlows() {
        Scenario sc = Scenarios.parse("no-plan.yaml", Scenarios.defaultYaml()
            .replaceFirst("\\n    subscription: \\{usdPerMonth: 20, [^\\n]*", ""));
        int target = sc.labIndex("frontier-closed");
        assertThat(sc.labs().get(target).subscription()).isNull();
        var x = Fixtures.steppedTo(sc, 6);
        Fixtures.stepUntil(x, Distillation.class);
        MarketState s = x.state();
        new Distillation().apply(x.world(), s);
        assertThat(s.harvestRevenue[target]).isFinite().isGreaterThan(0);
        assertThat(s.burden[target]).isFinite();
        for (int i = 0; i < x.world().labs; i++) assertThat(s.harvestSpend[i]).isFinite();
        for (int i = 0; i < x.world().labs; i++) assertThat(s.lnA[i]).isFinite();
    }
}
