package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;

class ChoiceTest {
    @Test
    void sharesOfEveryClassSumToOneAndAreNonNegative() {
        var x = Fixtures.steppedTo(Fixtures.FOUR_LABS, 13);
        World w = x.world();
        for (int c = 0; c < w.classes; c++) {
            double sum = 0;
            for (int o = 0; o < w.options; o++) {
                double v = x.state().shares[c * w.options + o];
                assertThat(v).isGreaterThanOrEqualTo(-1e-12);
                sum += v;
            }
            assertThat(sum).isCloseTo(1, within(1e-9));
        }
    }

    @Test
    void aLabNobodyKnowsHasNoUsers() {
        Scenario unknown = Fixtures.FOUR_LABS.withLabs(Fixtures.FOUR_LABS.labs().stream()
            .map(l -> l.id().equals("small-open") ? l.withInitialAwareness(java.util.Map.of()) : l).toList());
        var x = Fixtures.steppedTo(unknown, 0);
        Fixtures.stepUntil(x, Attention.class);
        new Choice().apply(x.world(), x.state());
        int lab = Fixtures.FOUR_LABS.labIndex("small-open");
        World w = x.world();
        for (int c = 0; c < w.classes; c++) {
            for (int o = w.optionTable.base(lab); o < w.optionTable.base(lab) + w.optionTable.perLab; o++) assertThat(x.state().shares[c * w.options + o]).isZero();
        }
    }

    @Test
    void aDearerSubscriptionLosesSubscribers() {
        double cheap = subscribers(Fixtures.FOUR_LABS);
        assertThat(subscribers(Fixtures.set(Fixtures.FOUR_LABS, "labs[frontier-closed].subscription.usdPerMonth", 40))).isLessThan(cheap);
    }

    private static double subscribers(owsim.scenario.Scenario s) {
        return Fixtures.ENGINE.run(s.withMonths(1)).series("frontier-closed", "users.subscription").at(0);
    }

    /**
     * The whole default world run with the integral instead of the exact subset sum: every class's
     * shares every month within 1e-12 of the exact run's (the kernel's error is about 5e-15, and
     * two years of feedback through prices, awareness and research do not amplify it).
     */
    @Test
    void theIntegralRunsTheDefaultWorldAsTheSubsetSumDoes() {
        var s = Fixtures.FOUR_LABS.withMonths(24);
        World exactWorld = Fixtures.world(s);
        World integralWorld = Fixtures.world(s);
        MarketState exact = Runs.start(exactWorld);
        MarketState integral = Runs.start(integralWorld);
        var integralSteps = Fixtures.steps().stream().map(m -> m instanceof Choice ? new Choice(0) : m).toList();
        double worst = 0;
        for (int m = 0; m < s.months(); m++) {
            Runs.step(exactWorld, exact, m, Fixtures.steps());
            Runs.step(integralWorld, integral, m, integralSteps);
            for (int k = 0; k < exact.shares.length; k++) worst = Math.max(worst, Math.abs(exact.shares[k] - integral.shares[k]));
            assertThat(integral.consumerSurplusUsd).isCloseTo(exact.consumerSurplusUsd, within(1e-11 * exact.consumerSurplusUsd));
        }
        assertThat(worst).isLessThan(1e-12);
    }
}
