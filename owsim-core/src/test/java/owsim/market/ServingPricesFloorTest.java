package owsim.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.Catalog;
import owsim.catalog.ModelSpec;
import owsim.scenario.OptionKind;
import owsim.scenario.Scenarios;
import owsim.scenario.Technology;
import owsim.serving.ServeRequest;
import owsim.serving.ServeResult;
import owsim.serving.ServingEngine;

/** The market prices fleets at a service level: the cheapest layout and batch whose per-user speed meets the floor. */
class ServingPricesFloorTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private final ServingEngine engine = new ServingEngine();
    private final ServingPrices prices = new ServingPrices(engine, 0.75);
    private final ModelSpec deepseek = CATALOG.model("deepseek-v3");
    private final AcceleratorSpec h800 = CATALOG.accelerator("h800");

    @Test void withoutAFloorDeepSeekOnH800IsPricedBelowTheChatFloor() {
        ServingPrices.FleetPrice max = prices.fleet(deepseek, h800);
        // The max-throughput point (disaggregated pools here: about 12 tokens/s per user) is slower
        // than chat users accept (the default floor, 20), which is why the market prices at a floor.
        assertThat(max.userTokensPerSecond()).isLessThan(20);
        // The batch cap (2048) is per attention rank, so a data-parallel deployment batches far more (issue 14).
        assertThat(max.batch()).isGreaterThan(2048);
    }

    @Test void theChosenBatchMeetsTheFloorAndCostsMoreThanMaxThroughput() {
        ServingPrices.FleetPrice max = prices.fleet(deepseek, h800);
        for (double floor : new double[] {10, 20, 30, 50}) {
            ServingPrices.FleetPrice p = prices.fleet(deepseek, h800, floor);
            assertThat(p.fits()).isTrue();
            assertThat(p.meetsFloor()).as("floor %s", floor).isTrue();
            assertThat(p.userTokensPerSecond()).as("floor %s", floor).isGreaterThanOrEqualTo(floor);
            // The max-throughput point takes a larger deployment only for a 5% gain (ServingEngine.WIDER_GAIN), so a
            // floor's cheapest layout may undercut it by up to that.
            assertThat(p.rentedUsdPerToken()).as("floor %s", floor).isGreaterThan(max.rentedUsdPerToken() / 1.05);
        }
        // A higher floor never costs less.
        assertThat(prices.fleet(deepseek, h800, 30).rentedUsdPerToken()).isGreaterThanOrEqualTo(prices.fleet(deepseek, h800, 20).rentedUsdPerToken());
    }

    @Test void noLayoutMeetingTheFloorIsCheaperThanTheChosenOne() {
        ServingPrices.FleetPrice p = prices.fleet(deepseek, h800, 20);
        ServeRequest base = ServeRequest.of(deepseek, h800);
        for (int g : List.of(16, 32, 64, 128)) {
            ServeResult r = engine.evaluate(base.withGpus(g).withMinUserTokensPerSecond(20));
            if (!r.fits() || !r.meetsUserTarget()) continue;
            double blended = (0.75 * r.usdPerMillionInputTokens() + 0.25 * r.usdPerMillionOutputTokens()) / 1e6;
            assertThat(blended).as(g + " GPUs").isGreaterThanOrEqualTo(p.rentedUsdPerToken() * (1 - 1e-12));
        }
        assertThat(p.deploymentUsdPerMonth()).isEqualTo(p.gpus() * h800.rentalUsdPerHour() * ServingPrices.HOURS_PER_MONTH);
    }

    @Test void anUnreachableFloorPricesTheFastestLayoutAndSaysSo() {
        ServingPrices.FleetPrice p = prices.fleet(deepseek, h800, 5000);
        assertThat(p.fits()).isTrue();
        assertThat(p.meetsFloor()).isFalse();
        assertThat(p.batch()).isEqualTo(1);
        assertThat(p.userTokensPerSecond()).isLessThan(5000);
    }

    @Test void theDefaultScenarioGivesChatAndApiTwentyAndBatchNone() {
        Technology t = Scenarios.defaultScenario().technology();
        assertThat(t.minUserTokensPerSecond(OptionKind.SUBSCRIPTION)).isEqualTo(20);
        assertThat(t.minUserTokensPerSecond(OptionKind.FREE)).isEqualTo(20);
        assertThat(t.minUserTokensPerSecond(OptionKind.API)).isEqualTo(20);
        assertThat(t.minUserTokensPerSecond(OptionKind.HOSTED)).isEqualTo(20);
        assertThat(t.minUserTokensPerSecond(OptionKind.SELFHOST)).isZero();
    }
}
