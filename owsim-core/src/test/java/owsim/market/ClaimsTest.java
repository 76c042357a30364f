package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import owsim.scenario.MechanismSwitch;
import owsim.scenario.Mechanisms;
import owsim.scenario.Scenario;

/**
 * One test per claim of the founding discussion (a-k; l is accounting, tested in owsim.claims): switching the claim's mechanism off removes
 * its effect on the quantity the claim is about. The model decides the direction; the tests pin
 * the mechanism.
 */
class ClaimsTest {
    private static final Scenario BASE = Fixtures.ONE_REGION.withMonths(24);

    private static Scenario off(Scenario s, MechanismSwitch... switches) {
        Mechanisms m = s.mechanisms();
        for (MechanismSwitch x : switches) m = m.with(x, false);
        return s.withMechanisms(m);
    }

    private static double[] series(Scenario s, String entity, String metric) {
        return Fixtures.ENGINE.run(s).series(entity, metric).values();
    }

    private static double last(Scenario s, String entity, String metric) {
        double[] v = series(s, entity, metric);
        return v[v.length - 1];
    }

    @Test
    void a_spilloverMakesFollowersTrackTheBestOpenModel() {
        Scenario noTalent = off(BASE, MechanismSwitch.TALENT);
        UnaryOperator<Scenario> smarterOpen = s -> Fixtures.set(s, "labs[open-challenger].algorithmicEfficiency", 6.0);
        double on = last(noTalent, "frontier-closed", MetricNames.ALGORITHMIC_EFFICIENCY);
        double onSmarter = last(smarterOpen.apply(noTalent), "frontier-closed", MetricNames.ALGORITHMIC_EFFICIENCY);
        assertThat(onSmarter).isGreaterThan(on + 0.1);
        Scenario off = off(noTalent, MechanismSwitch.SPILLOVER);
        assertThat(series(smarterOpen.apply(off), "frontier-closed", MetricNames.ALGORITHMIC_EFFICIENCY))
            .containsExactly(series(off, "frontier-closed", MetricNames.ALGORITHMIC_EFFICIENCY), within(1e-12));
    }

    @Test
    void b_capsBoundWhatAHeavySubscriberCosts() {
        // A cap bounds the cost only below the break-even usage ($20 over the served model's cost per
        // token): the default 30M tokens lies above it on the scaled model's H100 fleet, so the test
        // sets a cap of 5M tokens, where it binds.
        Scenario binding = Fixtures.set(BASE, "labs[frontier-closed].subscription.monthlyTokenCap", 5.0e6);
        double capped = last(binding, "frontier-closed", MetricNames.SUBSCRIBER_LOSS_SHARE);
        double uncapped = last(off(binding, MechanismSwitch.SUBSCRIPTION_CAPS), "frontier-closed", MetricNames.SUBSCRIBER_LOSS_SHARE);
        assertThat(capped).isLessThan(0.5 * uncapped);
        assertThat(uncapped).isGreaterThan(capped);
    }

    @Test
    void c_distillationOffRemovesHarvestTrafficAndBurden() {
        RunResult on = Fixtures.ENGINE.run(BASE);
        RunResult off = Fixtures.ENGINE.run(off(BASE, MechanismSwitch.DISTILLATION));
        double onTraffic = 0;
        for (double v : on.series("frontier-closed", MetricNames.HARVEST_REVENUE_USD).values()) onTraffic += v;
        assertThat(onTraffic).isGreaterThan(0);
        for (String lab : List.of("frontier-closed", "app-giant", "open-challenger", "small-open")) {
            for (double v : off.series(lab, MetricNames.DISTILLATION_BURDEN_USD).values()) assertThat(v).isZero();
            for (double v : off.series(lab, MetricNames.HARVEST_REVENUE_USD).values()) assertThat(v).isZero();
        }
        // Opening the target removes the burden even with distillation on: the weights are downloaded.
        RunResult opened = Fixtures.ENGINE.run(BASE.withPolicy("frontier-closed", "open"));
        for (double v : opened.series("frontier-closed", MetricNames.DISTILLATION_BURDEN_USD).values()) assertThat(v).isZero();
    }

    @Test
    void d_onlyMajorPlayersCanSelfHostTheLargestOpenModel() {
        var x = Fixtures.steppedTo(BASE, 12);
        World w = x.world();
        MarketState s = x.state();
        int lab = BASE.labIndex("open-challenger");
        Release frontier = s.frontier(lab);
        int hobby = BASE.segmentIndex("hobbyists");
        int major = BASE.segmentIndex("major-players");
        for (int c = 0; c < w.classes; c++) {
            int o = c * w.options + w.optionTable.selfhost(lab);
            if (w.userClasses.segment[c] == hobby && s.offerAvailable[o]) assertThat(s.offerModel[o]).isNotSameAs(frontier);
            if (w.userClasses.segment[c] == major) {
                assertThat(s.offerModel[o]).isSameAs(frontier);
                assertThat(s.offerPay[o]).isGreaterThan(1e4); // tens of thousands of dollars a month, at least
            }
        }
    }

    @Test
    void e_withoutWordOfMouthAnOpenReleaseNoLongerSpreadsAwarenessToConsumers() {
        double open = last(BASE, "consumers", MetricNames.awarenessOf("open-challenger"));
        double closed = last(BASE.withPolicy("open-challenger", "closed"), "consumers", MetricNames.awarenessOf("open-challenger"));
        assertThat(open).isGreaterThan(closed);
        Scenario off = off(BASE, MechanismSwitch.WORD_OF_MOUTH, MechanismSwitch.TALENT);
        assertThat(series(off, "consumers", MetricNames.awarenessOf("open-challenger")))
            .containsExactly(series(off.withPolicy("open-challenger", "closed"), "consumers", MetricNames.awarenessOf("open-challenger")), within(1e-12));
        // Hobbyist adoption alone: self-hosters no longer count as adopters, so the open release's word of mouth shrinks.
        double noHobby = last(off(BASE, MechanismSwitch.HOBBYIST_ADOPTION), "consumers", MetricNames.awarenessOf("open-challenger"));
        assertThat(noHobby).isLessThan(open);
    }

    @Test
    void f_distributionOffLeavesTheAppGiantWithMediaOnlyAwareness() {
        Scenario off = off(BASE, MechanismSwitch.DISTRIBUTION);
        Scenario noReach = Fixtures.set(BASE, "labs[app-giant].distributionReachUsers", 0);
        assertThat(last(BASE, "consumers", MetricNames.awarenessOf("app-giant"))).isGreaterThan(last(noReach, "consumers", MetricNames.awarenessOf("app-giant")) + 0.05);
        assertThat(series(off, "consumers", MetricNames.awarenessOf("app-giant")))
            .containsExactly(series(off(noReach, MechanismSwitch.DISTRIBUTION), "consumers", MetricNames.awarenessOf("app-giant")), within(1e-12));
    }

    @Test
    void g_withoutFrontierProgressRunComputeStaysPut() {
        Scenario off = off(BASE, MechanismSwitch.FRONTIER_PROGRESS);
        double[] pot = series(off, "frontier-closed", MetricNames.POTENTIAL_CAPABILITY);
        double[] lnA = series(off, "frontier-closed", MetricNames.ALGORITHMIC_EFFICIENCY);
        double c0 = Math.log10(BASE.labs().get(0).trainingComputeFlop());
        for (int m = 0; m < pot.length; m++) assertThat(pot[m] - lnA[m] / Math.log(10)).isCloseTo(c0, within(1e-9));
        // Without budgets the run grows at the lab's computeGrowthPerYear (with them its money decides).
        Scenario ambition = off(BASE, MechanismSwitch.TRAINING_BUDGET);
        double[] onPot = series(ambition, "frontier-closed", MetricNames.POTENTIAL_CAPABILITY);
        double[] onLnA = series(ambition, "frontier-closed", MetricNames.ALGORITHMIC_EFFICIENCY);
        double growth = Math.log10(BASE.labs().get(0).computeGrowthPerYear());
        assertThat(onPot[23] - onLnA[23] / Math.log(10) - c0).isCloseTo(growth * 23 / 12, within(1e-9));
    }

    @Test
    void h_studentDerivativesFeedTheOpenLabsResearchOnlyWithTheEcosystemOn() {
        assertThat(last(BASE, "open-challenger", MetricNames.DERIVATIVES)).isGreaterThan(1000);
        Scenario off = off(BASE, MechanismSwitch.ECOSYSTEM);
        for (double v : series(off, "open-challenger", MetricNames.DERIVATIVES)) assertThat(v).isZero();
        Scenario noFeed = Fixtures.set(BASE, "technology.communityProgressPerDerivativeGrowth", 0);
        assertThat(last(BASE, "open-challenger", MetricNames.ALGORITHMIC_EFFICIENCY)).isGreaterThan(last(noFeed, "open-challenger", MetricNames.ALGORITHMIC_EFFICIENCY));
    }

    @Test
    void i_ecosystemValueRaisesUtilityOnlyWithTheEcosystemOn() {
        UnaryOperator<Scenario> noWeight = s -> Fixtures.setEverySegment(s, "ecosystemWeight", 0);
        Scenario psi0 = Fixtures.set(BASE, "technology.communityProgressPerDerivativeGrowth", 0);
        assertThat(last(psi0, "open-challenger", MetricNames.USERS)).isGreaterThan(last(noWeight.apply(psi0), "open-challenger", MetricNames.USERS));
        Scenario off = off(BASE, MechanismSwitch.ECOSYSTEM);
        assertThat(series(off, "open-challenger", MetricNames.USERS)).containsExactly(series(noWeight.apply(off), "open-challenger", MetricNames.USERS), within(1e-9));
    }

    @Test
    void j_talentOffHoldsResearchersAndOpenReputationOnlyMattersWithIt() {
        Scenario off = off(BASE, MechanismSwitch.TALENT);
        for (var l : BASE.labs()) {
            for (double v : series(off, l.id(), MetricNames.RESEARCHERS)) assertThat(v).isEqualTo(l.researchers());
        }
        double open = last(BASE, "open-challenger", MetricNames.RESEARCHERS);
        double closed = last(BASE.withPolicy("open-challenger", "closed"), "open-challenger", MetricNames.RESEARCHERS);
        assertThat(open).isGreaterThan(closed);
    }

    @Test
    void k_whenEntrantsCoverTheOpeningsOpeningNoLongerAttractsResearchers() {
        // Scarce: 150 entrants a month against 1,000 openings; plentiful: entrants cover every lab's openings from month 0.
        // Financing off: a lab's exit frees its openings, which is not what this part of claim k is about.
        Scenario base = BASE.with(owsim.scenario.MechanismSwitch.FINANCING, false);
        Scenario plentiful = base.withMarket(base.market().withNewResearchersPerMonth(20 * base.market().researcherOpeningsPerMonth()));
        for (Scenario s : List.of(base, plentiful)) {
            double open = last(s, "open-challenger", MetricNames.RESEARCHERS);
            double closed = last(s.withPolicy("open-challenger", "closed"), "open-challenger", MetricNames.RESEARCHERS);
            if (s == base) assertThat(open).isGreaterThan(closed * 1.05);
            else assertThat(open).isCloseTo(closed, within(1e-9 * closed));
        }
        // Unlimited openings (0): even a flood of entrants is split by pay and prestige, so opening still attracts.
        var m = plentiful.market();
        Scenario unlimited = plentiful.withMarket(new owsim.scenario.MarketParams(m.marketingMaxPerYear(), m.marketingHalfSaturationUsdPerMonth(),
            m.newsHazardPerYear(), m.newsHalfLifeMonths(), m.newResearchersPerMonth(), m.researcherAttritionPerYear(), m.payWeight(),
            m.prestigeWeight(), m.prestigeHalfLifeMonths(), m.openReputationPrestige(), 0));
        assertThat(last(unlimited, "open-challenger", MetricNames.RESEARCHERS))
            .isGreaterThan(1.05 * last(unlimited.withPolicy("open-challenger", "closed"), "open-challenger", MetricNames.RESEARCHERS));
    }

}
