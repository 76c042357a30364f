package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import owsim.scenario.DistillerSpec;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

class DistillationTest {
    @Test
    void closedTargetIsPaidAndBearsServingCostMinusPayment() {
        var x = Fixtures.steppedTo(Fixtures.FOUR_LABS, 6);
        Fixtures.stepUntil(x, Distillation.class);
        MarketState s = x.state();
        int target = Fixtures.FOUR_LABS.labIndex("frontier-closed");
        int student = Fixtures.FOUR_LABS.labIndex("app-giant");
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
        var sc = Fixtures.FOUR_LABS.withPolicy("frontier-closed", "open");
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
        Scenario sc = Scenarios.parse("no-plan.yaml", owsim.scenario.TestWorlds.fourLabsYaml()
            .replaceFirst("\\n    subscription: \\{usdPerMonth: 20, [^\\n]*", "")
            .replaceFirst("\\n    pro: \\{usdPerMonth: 200, [^\\n]*", "") /* its pro plan goes with it */);
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

    /**
     * The choice itself: with an open model as good as the closed one a cost-aware distiller takes
     * the open weights (same gap, a fraction of the cost); with the open one far behind it harvests.
     * Fails if distillers stop choosing (always one kind of teacher).
     */
    @Test
    void costAwareDistillerTakesOpenWeightsAsGoodAsTheClosedModelAndHarvestsWhenTheyAreFarBehind() {
        // gains: kappa x gap; costs: USD per month (harvest budget vs samples on rented GPUs)
        double gap = 0.5;
        double gainClosed = 0.05 * gap * 0.9;
        assertThat(Distillation.prefersOpen("gain-per-dollar", gainClosed, 2e5, 0.1 * gap, 5e3)).isTrue();
        assertThat(Distillation.prefersOpen("gain-per-dollar", gainClosed, 2e5, 0.1 * gap / 1000, 5e3)).isFalse();
        assertThat(Distillation.prefersOpen("most-gain", gainClosed, 2e5, 0.1 * gap, 5e3)).isTrue();
        assertThat(Distillation.prefersOpen("most-gain", gainClosed, 2e5, 0.1 * gap / 10, 5e3)).isFalse();
        // Open weights that cost more per unit of gain lose even when they are as good.
        assertThat(Distillation.prefersOpen("gain-per-dollar", gainClosed, 2e5, gainClosed, 4e5)).isFalse();
    }

    /**
     * The same choice inside a run: the frontier lab opens its models six months after release, so
     * a distiller sees both its newest closed model and its older open weights. Cost-aware
     * distillers harvest less of the closed model than cost-blind ones (the most capable teacher).
     */
    @Test
    void withADelayedReleaseCostAwareDistillersHarvestLessThanCostBlindOnes() {
        Scenario delayed = Fixtures.FOUR_LABS.withPolicy("frontier-closed", "open-delayed(6)");
        int target = delayed.labIndex("frontier-closed");
        double aware = harvested(delayed, target);
        double blind = harvested(withChoice(delayed, "most-capable"), target);
        assertThat(blind).isGreaterThan(aware);
        assertThat(aware).isGreaterThan(0); // and it still harvests when the open weights are behind
    }

    /** With a single option (the frontier lab closed) the rule makes no difference: the distiller takes it. */
    @Test
    void withASingleOptionTheChoiceRuleMakesNoDifference() {
        int target = Fixtures.FOUR_LABS.labIndex("frontier-closed");
        assertThat(harvested(withChoice(Fixtures.FOUR_LABS, "most-capable"), target)).isEqualTo(harvested(Fixtures.FOUR_LABS, target));
        assertThat(harvested(withChoice(Fixtures.FOUR_LABS, "most-gain"), target)).isEqualTo(harvested(Fixtures.FOUR_LABS, target));
    }

    /** The rule is read from the scenario, and a rule that does not exist is an error naming the field. */
    @Test
    void theChoiceRuleIsReadFromTheScenarioAndAnUnknownOneIsRejected() {
        Scenario written = Scenarios.parse("c.yaml", owsim.scenario.TestWorlds.fourLabsYaml()
            .replaceFirst("\n    openCatchUpPerMonth: 0.1", "\n    choice: most-gain\n    openSamplesPerMonth: 1.0e6\n    openCatchUpPerMonth: 0.1"));
        assertThat(written.distillers().get(0).choice()).isEqualTo("most-gain");
        assertThat(written.distillers().get(0).openSamples()).isEqualTo(1.0e6);
        assertThat(written.distillers().get(1).choice()).isEqualTo("gain-per-dollar"); // left out
        assertThat(written.distillers().get(1).openSamples()).isEqualTo(written.distillers().get(1).saturationExchanges());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenarios.parse("c.yaml", owsim.scenario.TestWorlds.fourLabsYaml()
                .replaceFirst("\n    openCatchUpPerMonth: 0.1", "\n    choice: cheapest\n    openCatchUpPerMonth: 0.1")))
            .hasMessageContaining("choice").hasMessageContaining("cheapest");
    }

    /** Harvest revenue of the target summed over the run's months (a monthly flow, cleared each month). */
    private static double harvested(Scenario sc, int target) {
        World w = Fixtures.world(sc);
        MarketState st = Runs.start(w);
        double sum = 0;
        for (int m = 0; m < sc.run().months(); m++) {
            Runs.step(w, st, m, MonthlySteps.ORDER);
            sum += st.harvestRevenue[target];
        }
        return sum;
    }

    private static Scenario withChoice(Scenario sc, String choice) {
        return sc.withDistillers(sc.distillers().stream()
            .map(d -> new DistillerSpec(d.id(), d.studentLab(), d.targets(), d.harvestBudgetUsdPerMonth(), d.apiShare(),
                d.subscriptionShare(), d.freeShare(), d.tokensPerExchange(), d.saturationExchanges(), d.closedCatchUpPerMonth(),
                d.openCatchUpPerMonth(), choice, d.openSamplesPerMonth()))
            .toList());
    }
}
