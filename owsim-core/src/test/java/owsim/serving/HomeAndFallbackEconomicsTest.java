package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static owsim.serving.Fixtures.hw;
import static owsim.serving.Fixtures.model;

import java.util.List;
import org.junit.jupiter.api.Test;
import owsim.catalog.AcceleratorKind;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.WeightFormat;

/** Who pays colocation, what FP8 costs where there are no FP8 units, and how rent-only devices are owned. */
class HomeAndFallbackEconomicsTest {
    private final ServingEngine engine = new ServingEngine();
    private final CostModel cost = new CostModel(ServingDefaults.standard());

    @Test void homeCardsAndMacsPayOnlyPowerDataCentreCardsPayColocation() {
        // A 4090 at home for a month at 60% busy: 450 W x 1.3 x $0.08/kWh, no $150 colocation.
        double power = 450 * 1.3 * 0.08 / 3.6e6 * CostModel.SECONDS_PER_MONTH * 0.6;
        assertThat(cost.ownedMonthlyUsd(hw("rtx-4090"), 1, 0.6)).isCloseTo(power, withinPercentage(1e-9));
        assertThat(cost.ownedMonthlyUsd(hw("m3-ultra-512gb"), 1, 0.6))
            .isCloseTo(200 * 1.3 * 0.08 / 3.6e6 * CostModel.SECONDS_PER_MONTH * 0.6, withinPercentage(1e-9));
        // The same card as a data-centre device pays the colocation fee on top.
        AcceleratorSpec racked = kindOf(hw("rtx-4090"), AcceleratorKind.DATACENTER);
        assertThat(cost.ownedMonthlyUsd(racked, 1, 0.6)).isCloseTo(power + 150, withinPercentage(1e-9));
        assertThat(cost.ownedUsdPerBusySecond(racked, 1, 0.6) - cost.ownedUsdPerBusySecond(hw("rtx-4090"), 1, 0.6))
            .isCloseTo(150 / CostModel.SECONDS_PER_MONTH / 0.6, withinPercentage(1e-6));
    }

    @Test void selfHostBuyOnAHomeCardSaysSoAndCountsNoColocation() {
        SelfHostOptions o = engine.selfHost(model("qwen3-8b"), List.of(hw("rtx-4090")), 1e6);
        SelfHostOption buy = o.options().stream().filter(x -> x.option().equals("buy")).findFirst().orElseThrow();
        assertThat(buy.feasible()).isTrue();
        assertThat(buy.note()).contains("at home, no colocation fee");
        assertThat(buy.monthlyUsd()).isLessThan(150.0 * buy.gpus());
    }

    @Test void fp8WithoutFp8UnitsRunsAtTheBf16Rate() {
        // Weight-only FP8 (Marlin on Ampere): 8-bit weights, BF16 multiplies.
        for (String id : List.of("a100-80gb", "rtx-3090", "m3-ultra-512gb", "tpu-v6e")) {
            AcceleratorSpec a = hw(id);
            assertThat(a.fp8Tflops()).as(id).isZero();
            assertThat(ComputeRates.peakFlopsPerSecond(a, WeightFormat.FP8)).as(id).isEqualTo(a.bf16Tflops() * 1e12);
        }
        // Where FP8 units exist they are used.
        assertThat(ComputeRates.peakFlopsPerSecond(hw("h100-sxm"), WeightFormat.FP8)).isEqualTo(1979e12);
        // Blackwell Ultra's INT8 is a sliver: INT8 weights are dequantised to BF16, not run at 150 TOPS.
        assertThat(ComputeRates.peakFlopsPerSecond(hw("b300"), WeightFormat.INT8)).isEqualTo(2250e12);
        assertThat(ComputeRates.peakFlopsPerSecond(hw("a100-80gb"), WeightFormat.INT8)).isEqualTo(624e12);
    }

    @Test void fp8OnAnA100PrefillsAtTheBf16RateNotTwiceIt() {
        ServeRequest r = ServeRequest.of(model("llama-3.1-70b"), hw("a100-80gb")).withGpus(4);
        ServeResult bf16 = engine.evaluate(r.withFormats(WeightFormat.BF16, KvFormat.BF16));
        ServeResult fp8 = engine.evaluate(r.withFormats(WeightFormat.FP8, KvFormat.BF16));
        // Prefill is compute-bound: the same BF16 math, whatever the stored format.
        assertThat(fp8.prefillTokensPerSecondPerGpu()).isCloseTo(bf16.prefillTokensPerSecondPerGpu(), withinPercentage(0.5));
        // On an H100 FP8 prefill is faster: it has the units.
        ServeRequest h = ServeRequest.of(model("llama-3.1-70b"), hw("h100-sxm")).withGpus(4);
        assertThat(engine.evaluate(h.withFormats(WeightFormat.FP8, KvFormat.BF16)).prefillTokensPerSecondPerGpu())
            .isGreaterThan(1.5 * engine.evaluate(h.withFormats(WeightFormat.BF16, KvFormat.BF16)).prefillTokensPerSecondPerGpu());
    }

    @Test void aDeviceThatIsNotSoldIsOwnedAtItsRentAndNeverBought() {
        AcceleratorSpec tpu = hw("tpu-v6e");
        assertThat(cost.ownedUsdPerBusySecond(tpu, 8, 0.6)).isEqualTo(cost.rentedUsdPerBusySecond(tpu, 8, 0.6));
        SelfHostOptions o = engine.selfHost(model("llama-3.1-8b"), List.of(tpu), 1e8);
        assertThat(o.options().stream().filter(x -> x.option().equals("buy")).findFirst().orElseThrow().feasible()).isFalse();
        SelfHostOption rent = o.options().stream().filter(x -> x.option().equals("rent")).findFirst().orElseThrow();
        assertThat(rent.feasible()).isTrue();
        assertThat(rent.hardware()).isEqualTo("tpu-v6e");
    }

    private static AcceleratorSpec kindOf(AcceleratorSpec a, AcceleratorKind kind) {
        return new AcceleratorSpec(a.id() + "-racked", a.name(), a.vendor(), kind, a.memoryGB(), a.memoryBandwidthGBps(),
            a.bf16Tflops(), a.fp8Tflops(), a.int8Tops(), a.fp4Tflops(), a.devicesPerNode(), a.interconnectGBps(),
            a.networkGBps(), a.powerWatts(), a.purchaseUsd(), a.rentalUsdPerHour(), a.sources(), a.notes());
    }
}
