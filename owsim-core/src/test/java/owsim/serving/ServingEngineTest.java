package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static owsim.serving.Fixtures.hw;
import static owsim.serving.Fixtures.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.AcceleratorKind;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

class ServingEngineTest {
    private final ServingEngine engine = new ServingEngine();
    private final ServeRequest llama8b = ServeRequest.of(model("llama-3.1-8b"), hw("h100-sxm"));

    @Test void maxThroughputPointIsLargestBatchThatFitsUpToTheFrameworkCap() {
        ServeResult r = engine.evaluate(llama8b.withFormats(WeightFormat.FP8, KvFormat.FP8));
        assertThat(r.fits()).isTrue();
        assertThat(r.batch()).isEqualTo((int) Math.min(r.maxConcurrentSequences(), engine.defaults().maxBatch()));
        assertThat(r.memory().freeGiB()).isGreaterThanOrEqualTo(0);
    }

    @Test void perUserTargetPicksTheLargestBatchMeetingIt() {
        ServeResult r = engine.evaluate(llama8b.withMinUserTokensPerSecond(50));
        assertThat(r.meetsUserTarget()).isTrue();
        assertThat(r.decodeTokensPerSecondPerUser()).isGreaterThanOrEqualTo(50);
        ServeResult oneMore = engine.evaluate(llama8b.withBatch(r.batch() + 1));
        if (r.batch() < r.maxConcurrentSequences()) assertThat(oneMore.decodeTokensPerSecondPerUser()).isLessThan(50);
    }

    @Test void unreachableUserTargetSaysSo() {
        ServeResult r = engine.evaluate(llama8b.withMinUserTokensPerSecond(100_000));
        assertThat(r.meetsUserTarget()).isFalse();
        assertThat(r.batch()).isEqualTo(1);
        assertThat(r.note()).contains("below");
    }

    @Test void biggerBatchesRaiseThroughputAndSlowEachUser() {
        double prevGpu = 0;
        double prevUser = Double.MAX_VALUE;
        for (int b : new int[] {1, 4, 16, 64, 256}) {
            ServeResult r = engine.evaluate(llama8b.withBatch(b));
            assertThat(r.decodeTokensPerSecondPerGpu()).isGreaterThan(prevGpu);
            assertThat(r.decodeTokensPerSecondPerUser()).isLessThan(prevUser);
            prevGpu = r.decodeTokensPerSecondPerGpu();
            prevUser = r.decodeTokensPerSecondPerUser();
        }
    }

    @Test void batchOneDecodeIsBandwidthBound() {
        // 1 token/step: read ~9 GB (FP8 core + BF16 LM head) at 3.35 TB/s x efficiency, plus 32 layers' fixed overhead. A long answer to a
        // cached prompt makes the prefill stalls vanish, and a short context the KV reads.
        ServeResult r = engine.evaluate(llama8b.withFormats(WeightFormat.FP8, KvFormat.FP8).withBatch(1).withTokens(100, 10_000)
            .withCacheHitShare(1).withKvLen(200));
        assertThat(r.bound()).isEqualTo("memory");
        ModelShape s = new ModelShape(model("llama-3.1-8b"));
        double bytes = WeightMemory.alwaysReadBytes(s, WeightFormat.FP8);
        ServingDefaults d = engine.defaults();
        double expectedSeconds = bytes / (3350e9 * d.bandwidthEfficiency()) + 32 * d.layerOverheadSeconds();
        assertThat(r.tpotMs()).isCloseTo(expectedSeconds * 1000, withinPercentage(3));
    }

    @Test void prefillOfArrivingPromptsStallsEachUser() {
        ServeResult r = engine.evaluate(llama8b.withBatch(64).withTokens(4000, 500));
        double decodeStepMs = 64 / (r.decodeTokensPerSecondPerGpu() * r.gpus()) * 1000;
        double prefillMsPerToken = 1000 / (r.prefillTokensPerSecondPerGpu() * r.gpus());
        assertThat(r.tpotMs()).isCloseTo(decodeStepMs + 64 * 4000 / 500.0 * prefillMsPerToken, withinPercentage(1e-6));
        assertThat(r.decodeTokensPerSecondPerUser()).isCloseTo(1000 / r.tpotMs(), withinPercentage(1e-6));
    }

    @Test void costsFollowFromRatesAndPrices() {
        ServeResult r = engine.evaluate(llama8b.withUtilization(0.5));
        double usdPerSecond = r.gpus() * 2.95 / 3600 / 0.5;
        assertThat(r.usdPerMillionOutputTokens()).isCloseTo(usdPerSecond / (r.decodeTokensPerSecondPerGpu() * r.gpus()) * 1e6, withinPercentage(0.01));
        assertThat(r.usdPerMillionInputTokens()).isCloseTo(usdPerSecond / (r.prefillTokensPerSecondPerGpu() * r.gpus()) * 1e6, withinPercentage(0.01));
        // Cached prompt tokens are free to prefill: half the prompt cached halves the input price.
        ServeResult cached = engine.evaluate(llama8b.withUtilization(0.5).withCacheHitShare(0.5));
        assertThat(cached.usdPerMillionInputTokens()).isCloseTo(r.usdPerMillionInputTokens() / 2, withinPercentage(0.01));
        // Owned: 27,500 over 4 years + 150/month hosting at 50% busy, plus 700 W x 1.3 x $0.08/kWh.
        double owned = (27_500 / (4 * CostModel.SECONDS_PER_YEAR) + 150 / CostModel.SECONDS_PER_MONTH) / 0.5 + 700 * 1.3 * 0.08 / 3.6e6;
        assertThat(r.ownedUsdPerMillionOutputTokens()).isCloseTo(owned / (r.decodeTokensPerSecondPerGpu()) * 1e6, withinPercentage(0.01));
    }

    @Test void unrentableHardwareHasNoRentedPrice() {
        ServeResult r = engine.evaluate(ServeRequest.of(model("deepseek-v3"), hw("m3-ultra-512gb")).withFormats(WeightFormat.INT4, KvFormat.BF16));
        assertThat(r.fits()).isTrue();
        assertThat(r.usdPerMillionOutputTokens()).isNull();
        assertThat(r.ownedUsdPerMillionOutputTokens()).isPositive();
    }

    @Test void jsonHasTheContractFieldNames() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(engine.evaluate(llama8b));
        for (String f : List.of("model", "hardware", "gpus", "weightsGiB", "kvBytesPerToken", "fits", "maxConcurrentSequences",
                "batch", "prefillTokensPerSecondPerGpu", "decodeTokensPerSecondPerGpu", "decodeTokensPerSecondPerUser",
                "ttftMs", "tpotMs", "usdPerMillionInputTokens", "usdPerMillionOutputTokens", "ownedUsdPerMillionInputTokens",
                "ownedUsdPerMillionOutputTokens", "memory", "parallelism", "note", "missingGiB", "gpusToFit")) {
            assertThat(json.has(f)).as(f).isTrue();
        }
        assertThat(json.get("model").asText()).isEqualTo("llama-3.1-8b");
        assertThat(json.get("memory").has("kvCacheGiB")).isTrue();
    }

    @Test void subscriberBreakEvenIsPriceOverBlendedCost() {
        SubscriberEconomics s = engine.subscriber(model("deepseek-v3"), hw("h200"), 50e6, 20);
        assertThat(s.usdCostPerMonth()).isCloseTo(50 * s.usdPerMillionTokens(), withinPercentage(1e-6));
        assertThat(s.breakEvenTokensPerMonth()).isCloseTo(20 / s.usdPerMillionTokens() * 1e6, withinPercentage(1e-6));
        assertThat(s.profitable()).isEqualTo(s.usdCostPerMonth() <= 20);
        SubscriberEconomics heavy = engine.subscriber(model("deepseek-v3"), hw("h200"), s.breakEvenTokensPerMonth() * 2, 20);
        assertThat(heavy.profitable()).isFalse();
        assertThat(heavy.usdMarginPerMonth()).isCloseTo(-20, withinPercentage(1e-6));
    }

    @Test void selfHostingDeepSeekPicksTheCheapestDeploymentThatHoldsIt() {
        SelfHostOptions o = engine.selfHost(model("deepseek-v3"), Fixtures.CATALOG.accelerators(), 100e6);
        SelfHostOption rent = pick(o, "rent");
        SelfHostOption buy = pick(o, "buy");
        SelfHostOption api = pick(o, "api");
        assertThat(rent.feasible()).isTrue();
        // Four 192 GB MI300X hold the 673 GB of FP8 weights; rented around the clock at $1.80/h.
        assertThat(rent.hardware()).isEqualTo("mi300x");
        assertThat(rent.gpus()).isEqualTo(4);
        assertThat(rent.monthlyUsd()).isCloseTo(4 * 1.8 * CostModel.SECONDS_PER_MONTH / 3600, withinPercentage(1e-6));
        assertThat(buy.upfrontUsd()).isEqualTo(buy.gpus() * hw(buy.hardware()).purchaseUsd());
        assertThat(api.note()).contains("deepseek");
        // 100M tokens through the API at the current list price (V3.2, from 2025-09-29): 75M input, 56.3% of it
        // at the $0.028 cache-hit price and the rest at $0.28, + 25M output x $0.42 = $20.86
        double input = 75 * (0.563 * 0.028 + 0.437 * 0.28);
        assertThat(api.monthlyUsd()).isCloseTo(input + 25 * 0.42, withinPercentage(1e-6));
        assertThat(api.note()).contains("2025-09-29").contains("56% of input at the cache-hit price");
        assertThat(o.options().get(0).feasible()).isTrue();
        assertThat(o.options().get(0).monthlyUsd()).isLessThanOrEqualTo(rent.monthlyUsd());
        // Every row's monthly cost is all-in, and its $/M is that monthly cost per million tokens:
        // for buy the purchase over the amortisation years (4) is part of both.
        assertThat(buy.purchaseUsdPerMonth()).isCloseTo(buy.upfrontUsd() / 48, withinPercentage(1e-9));
        assertThat(buy.monthlyUsd()).isGreaterThan(buy.purchaseUsdPerMonth());
        for (SelfHostOption x : o.options()) {
            if (x.feasible()) assertThat(x.usdPerMillionTokens()).as(x.option()).isCloseTo(x.monthlyUsd() / 100, withinPercentage(1e-9));
            if (!x.option().equals("buy")) assertThat(x.purchaseUsdPerMonth()).isZero();
        }
    }

    @Test void selfHostWithoutListPriceUsesServingCostTimesMarkup() {
        SelfHostOptions o = engine.selfHost(model("llama-3.1-70b"), Fixtures.CATALOG.accelerators(), 1e9);
        SelfHostOption api = pick(o, "api");
        assertThat(api.note()).contains("no list price");
        assertThat(pick(o, "subscription").feasible()).isFalse();
    }

    @Test void selfHostWithNothingThatFits() {
        AcceleratorSpec small = new AcceleratorSpec("tiny", null, "test", AcceleratorKind.CONSUMER, 8, 500, 50, 0, 0, 0, 1, 0, 0,
            200, 300, 0.1, List.of(), null);
        SelfHostOptions o = engine.selfHost(model("deepseek-v3"), List.of(small), 1e6);
        assertThat(pick(o, "buy").feasible()).isFalse();
        assertThat(pick(o, "rent").feasible()).isFalse();
        assertThat(pick(o, "api").feasible()).isTrue();
    }

    /** Issue 12: at 1e15 tokens a month the fleet size wrapped around an int ("rent -1310699776 gpus"). */
    @Test void hugeVolumesGiveWholePositiveFleetsOrSayTheyAreTooLarge() {
        // A slow card that just holds an 8B model: 1e16 tokens/month need far more than the fleet limit.
        AcceleratorSpec slow = new AcceleratorSpec("slow", null, "test", AcceleratorKind.CONSUMER, 24, 100, 10, 0, 0, 0, 1, 0, 0,
            200, 300, 0.1, List.of(), null);
        SelfHostOptions alone = engine.selfHost(model("llama-3.1-8b"), List.of(slow), 1e16);
        assertThat(pick(alone, "rent").feasible()).isFalse();
        assertThat(pick(alone, "rent").note()).contains("more than 10,000,000 devices");
        assertThat(pick(alone, "buy").feasible()).isFalse();
        for (ModelSpec m : Fixtures.CATALOG.models()) {
            for (double tokens : new double[] {1e15, 1e16}) {
                for (SelfHostOption x : engine.selfHost(m, Fixtures.CATALOG.accelerators(), tokens).options()) {
                    assertThat(x.gpus()).as(m.id() + " " + x.option()).isBetween(0, (int) SelfHostAdvisor.MAX_FLEET_DEVICES);
                    assertThat(x.monthlyUsd()).as(m.id() + " " + x.option()).isFinite().isNotNegative();
                    assertThat(x.upfrontUsd()).as(m.id() + " " + x.option()).isFinite().isNotNegative();
                    assertThat(x.usdPerMillionTokens()).as(m.id() + " " + x.option()).isFinite().isNotNegative();
                }
            }
        }
    }

    @Test void badRequestsNameTheField() {
        ModelSpec m = model("llama-3.1-8b");
        assertThatThrownBy(() -> llama8b.withCacheHitShare(1.5)).hasMessageStartingWith("cacheHitShare");
        assertThatThrownBy(() -> llama8b.withUtilization(0)).hasMessageStartingWith("utilization");
        assertThatThrownBy(() -> llama8b.withTokens(0, 10)).hasMessageStartingWith("promptTokens");
        assertThatThrownBy(() -> llama8b.withBatch(4).withMinUserTokensPerSecond(10).withBatch(4).withMinUserTokensPerSecond(Double.NaN))
            .hasMessageStartingWith("minUserTokensPerSecond");
        assertThatThrownBy(() -> engine.selfHost(m, Fixtures.CATALOG.accelerators(), -1)).hasMessageStartingWith("tokensPerMonth");
    }

    private static SelfHostOption pick(SelfHostOptions o, String option) {
        return o.options().stream().filter(x -> x.option().equals(option)).findFirst().orElseThrow();
    }
}
