package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import owsim.catalog.Catalog;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.scenario.TestWorlds;
import owsim.serving.ServingEngine;

/**
 * In a month of usage growth, a lab whose offers have no other change refreshes what reads the
 * month's tokens instead of building its offers again: every month's offers (every field of every
 * class x option) and shares must be those of building them again, bit for bit.
 */
class OffersRefreshTest {
    @Test
    void refreshingTheDefaultWorldsOffersGivesTheRebuiltOffersEveryMonth() {
        Scenario sc = Scenarios.defaultScenario();
        assertThat(sc.mechanisms().usageGrowth()).isTrue();
        int refreshed = sameAsRebuilding(sc);
        // Eight labs, 60 months: most lab-months have no release, opening or exit.
        assertThat(refreshed).isGreaterThan(8 * 60 / 2);
    }

    /** With planPricing on, the plans' fees and caps move at decisions: the refresh reads them as the rebuild does. */
    @Test
    void refreshingWithPlanPricingGivesTheRebuiltOffersEveryMonth() {
        Scenario sc = Scenarios.defaultScenario().withPlanPricing(PlanPricingTest.RULE);
        assertThat(sameAsRebuilding(sc)).isGreaterThan(8 * 60 / 2);
        // The rule moved plans in this world (so the months compared include repricings).
        RunResult r = Fixtures.ENGINE.run(sc);
        double[] cap = r.series("frontier-closed", MetricNames.SUBSCRIPTION_TOKEN_CAP).values();
        assertThat(cap[cap.length - 1]).isNotEqualTo(cap[0]);
    }

    @Test
    void withoutUsageGrowthNoOfferIsRefreshed() {
        assertThat(sameAsRebuilding(TestWorlds.fourLabs())).isZero();
    }

    private static int sameAsRebuilding(Scenario sc) {
        Catalog catalog = Catalog.bundled();
        World w = new World(sc, catalog, new ServingPrices(new ServingEngine(), sc.technology().inputTokenShare()), null);
        MarketState refreshing = Runs.start(w);
        MarketState rebuilding = Runs.start(w);
        rebuilding.refreshOffers = false;
        for (int m = 0; m < sc.months(); m++) {
            Runs.step(w, refreshing, m, MonthlySteps.ORDER);
            Runs.step(w, rebuilding, m, MonthlySteps.ORDER);
            assertThat(refreshing.offerAvailable).as("month %d available", m).isEqualTo(rebuilding.offerAvailable);
            assertThat(refreshing.offerPay).as("month %d pay", m).isEqualTo(rebuilding.offerPay);
            assertThat(refreshing.offerTokens).as("month %d tokens", m).isEqualTo(rebuilding.offerTokens);
            assertThat(refreshing.offerServing).as("month %d serving", m).isEqualTo(rebuilding.offerServing);
            assertThat(refreshing.offerShortfallUsd).as("month %d shortfall", m).isEqualTo(rebuilding.offerShortfallUsd);
            assertThat(refreshing.offerCostBase).as("month %d cost base", m).isEqualTo(rebuilding.offerCostBase);
            assertThat(refreshing.offerCapability).as("month %d capability", m).isEqualTo(rebuilding.offerCapability);
            assertThat(refreshing.offerPro).as("month %d pro", m).isEqualTo(rebuilding.offerPro);
            assertThat(refreshing.offerOpen).as("month %d open", m).isEqualTo(rebuilding.offerOpen);
            assertThat(models(refreshing)).as("month %d model", m).isEqualTo(models(rebuilding));
            assertThat(refreshing.offersBuiltAt).as("month %d built at", m).isEqualTo(rebuilding.offersBuiltAt);
            assertThat(refreshing.shares).as("month %d shares", m).isEqualTo(rebuilding.shares);
        }
        assertThat(rebuilding.offersRefreshed).isZero();
        return refreshing.offersRefreshed;
    }

    /** Each class x option's release as its lab, month and capability (each run has releases of its own). */
    private static String[] models(MarketState s) {
        String[] out = new String[s.offerModel.length];
        for (int k = 0; k < out.length; k++) {
            Release r = s.offerModel[k];
            out[k] = r == null ? null : r.lab + "/" + r.month + "/" + Double.doubleToRawLongBits(r.capability);
        }
        return out;
    }
}
