package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import owsim.catalog.Catalog;
import owsim.scenario.Scenario;
import owsim.serving.ServingEngine;
import org.junit.jupiter.api.Test;

/**
 * A lab's offers between its releases are last month's rescaled by the cost of compute, and
 * repriced where its API price moved: they must equal offers built anew.
 */
class OfferRescaleTest {
    @Test
    void rescaledOffersEqualRebuiltOffersBitForBitEveryMonth() {
        // Financing off: an exit changes a lab's offers after the month's were built, which a rebuild at the month's end would see.
        Scenario sc = owsim.scenario.TestWorlds.fourLabs().withMechanisms(owsim.scenario.TestWorlds.fourLabs().mechanisms().with(owsim.scenario.MechanismSwitch.FINANCING, false));
        World w = new World(sc, Catalog.bundled(), new ServingPrices(new ServingEngine(), sc.technology().inputTokenShare()), null);
        MarketState s = Runs.start(w);
        int rescaledLabMonths = 0;
        int repricedLabMonths = 0;
        for (int m = 0; m < sc.months(); m++) {
            boolean[] notStale = new boolean[w.labs];
            for (int i = 0; i < w.labs; i++) notStale[i] = m > 0 && s.offersBuiltAt[i] == s.releaseChanges[i];
            for (boolean b : notStale) if (b) rescaledLabMonths++;
            int[] changes = s.releaseChanges.clone();
            double[] price = s.apiUsdPerToken.clone();
            Runs.step(w, s, m, MonthlySteps.ORDER);
            for (int i = 0; i < w.labs; i++) if (notStale[i] && s.releaseChanges[i] == changes[i] && s.apiUsdPerToken[i] != price[i]) repricedLabMonths++;
            double[] pay = s.offerPay.clone();
            double[] serving = s.offerServing.clone();
            double[] tokens = s.offerTokens.clone();
            double[] shortfall = s.offerShortfallUsd.clone();
            boolean[] pro = s.offerPro.clone();
            boolean[] available = s.offerAvailable.clone();
            int[] counts = s.offeredCount.clone();
            Arrays.fill(s.offersBuiltAt, -1);
            Offers.build(w, s);
            assertThat(s.offerAvailable).as("month %d availability", m).isEqualTo(available);
            assertThat(s.offeredCount).as("month %d offered", m).isEqualTo(counts);
            assertThat(s.offerPro).as("month %d pro plans", m).isEqualTo(pro);
            for (int k = 0; k < pay.length; k++) {
                if (!available[k]) continue;
                assertThat(s.offerPay[k]).as("month %d pay %d", m, k).isEqualTo(pay[k]);
                assertThat(s.offerServing[k]).as("month %d serving %d", m, k).isEqualTo(serving[k]);
                assertThat(s.offerTokens[k]).as("month %d tokens %d", m, k).isEqualTo(tokens[k]);
                assertThat(s.offerShortfallUsd[k]).as("month %d shortfall %d", m, k).isEqualTo(shortfall[k]);
            }
        }
        // Labs release every few months, so most lab-months are rescaled, not rebuilt.
        assertThat(rescaledLabMonths).isGreaterThan(sc.months());
        // API prices move at decision months between releases: those lab-months were repriced, not rebuilt.
        assertThat(repricedLabMonths).isPositive();
    }
}
