package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import owsim.scenario.LabSpec;

class ChoiceTest {
    @Test
    void sharesOfEveryClassSumToOneAndAreNonNegative() {
        var x = Fixtures.steppedTo(Fixtures.DEFAULT, 13);
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
        var labs = new ArrayList<LabSpec>();
        for (LabSpec l : Fixtures.DEFAULT.labs()) {
            labs.add(l.id().equals("small-open") ? new LabSpec(l.id(), l.description(), l.policy(), l.releaseEveryMonths(),
                l.firstReleaseMonth(), l.trainingComputeFlop(), l.computeGrowthPerYear(), l.researchers(), l.researcherUsdPerYear(),
                l.algorithmicEfficiency(), l.templateModel(), l.variantActiveParams(), l.fleetHardware(), l.fleetOwned(),
                l.subscription(), l.freeTier(), l.api(), l.marketingUsdPerMonth(), l.distributionReachUsers(),
                l.distributionConversionPerYear(), l.harvestDetectionShare(), l.defenceUsdPerMonth(), l.cashUsd(), l.brandUtility(),
                java.util.Map.of(), l.homeRegion(), l.hardwareOptions(), l.regionalAwareness()) : l);
        }
        var x = Fixtures.steppedTo(Fixtures.DEFAULT.withLabs(labs), 0);
        Fixtures.stepUntil(x, Attention.class);
        new Choice().apply(x.world(), x.state());
        int lab = Fixtures.DEFAULT.labIndex("small-open");
        World w = x.world();
        for (int c = 0; c < w.classes; c++) {
            for (int o = w.base(lab); o < w.base(lab) + w.perLab; o++) assertThat(x.state().shares[c * w.options + o]).isZero();
        }
    }

    @Test
    void aDearerSubscriptionLosesSubscribers() {
        double cheap = subscribers(Fixtures.DEFAULT);
        var labs = new ArrayList<LabSpec>();
        for (LabSpec l : Fixtures.DEFAULT.labs()) {
            labs.add(l.id().equals("frontier-closed") ? new LabSpec(l.id(), l.description(), l.policy(), l.releaseEveryMonths(),
                l.firstReleaseMonth(), l.trainingComputeFlop(), l.computeGrowthPerYear(), l.researchers(), l.researcherUsdPerYear(),
                l.algorithmicEfficiency(), l.templateModel(), l.variantActiveParams(), l.fleetHardware(), l.fleetOwned(),
                new owsim.scenario.Subscription(40, l.subscription().monthlyTokenCap()), l.freeTier(), l.api(), l.marketingUsdPerMonth(),
                l.distributionReachUsers(), l.distributionConversionPerYear(), l.harvestDetectionShare(), l.defenceUsdPerMonth(),
                l.cashUsd(), l.brandUtility(), l.initialAwareness(), l.homeRegion(), l.hardwareOptions(), l.regionalAwareness()) : l);
        }
        assertThat(subscribers(Fixtures.DEFAULT.withLabs(labs))).isLessThan(cheap);
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
        var s = Fixtures.DEFAULT.withMonths(24);
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
