package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

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
}
