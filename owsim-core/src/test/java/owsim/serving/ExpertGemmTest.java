package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;
import static owsim.serving.Fixtures.hw;
import static owsim.serving.Fixtures.model;

import org.junit.jupiter.api.Test;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.WeightFormat;

/** The decode expert GEMM curve and the rate of weight-only 4-bit experts (docs/SERVING.md, Throughput). */
class ExpertGemmTest {
    private final ServingEngine engine = new ServingEngine();

    /** gpt-oss's MXFP4 experts keep wide activations: BF16 math on Hopper, FP8 on Blackwell; NVFP4 checkpoints run at FP4. */
    @Test void weightOnlyFourBitExpertsMultiplyAtTheirActivationsRate() {
        AcceleratorSpec h200 = hw("h200");
        AcceleratorSpec b200 = hw("b200");
        assertThat(ComputeRates.expertFlopsPerSecond(h200, model("gpt-oss-120b"), WeightFormat.BF16))
            .isEqualTo(h200.bf16Tflops() * 1e12);
        assertThat(ComputeRates.expertFlopsPerSecond(b200, model("gpt-oss-120b"), WeightFormat.BF16))
            .isEqualTo(b200.fp8Tflops() * 1e12);
        assertThat(ComputeRates.expertFlopsPerSecond(b200, model("deepseek-r1"), WeightFormat.INT4))
            .isEqualTo(b200.fp4Tflops() * 1e12);
        assertThat(ComputeRates.expertFlopsPerSecond(h200, model("deepseek-r1"), WeightFormat.FP8))
            .isEqualTo(h200.fp8Tflops() * 1e12);
    }

    /**
     * Few rows per expert run below the rate many rows reach: with the curve flat at its maximum the single-node
     * DeepSeek-R1 row is faster than with the fitted half-rows; a batch of 8 (about 2 rows per expert, under a tile)
     * decodes as fast as with a flat curve at the one-tile value, so small batches pay no fixed cost per expert.
     */
    @Test void efficiencyRisesWithRowsPerExpertAndSmallBatchesPayNoFixedCost() {
        ServingDefaults d = ServingDefaults.standard();
        ServingEngine flat = new ServingEngine(withCurve(d, d.expertGemmEfficiencyMax(), 0), PriceBook.standard());
        ServeRequest r1 = ServeRequest.of(model("deepseek-r1"), hw("h200")).withGpus(8).withFormats(WeightFormat.FP8, KvFormat.FP8)
            .withTokens(1000, 1000);
        assertThat(flat.evaluate(r1).outputTokensPerSecondPerGpu()).isGreaterThan(engine.evaluate(r1).outputTokensPerSecondPerGpu() * 1.2);

        double oneTile = d.expertGemmEfficiencyMax() * d.gemmTileRows() / (d.gemmTileRows() + d.expertGemmHalfRows());
        ServingEngine flatAtTile = new ServingEngine(withCurve(d, oneTile, 0), PriceBook.standard());
        ServeRequest bs8 = ServeRequest.of(model("deepseek-v3"), hw("h200")).withLayout("ep8dp8").withTokens(128, 256).withBatch(8);
        assertThat(engine.evaluate(bs8).tpotMs()).isCloseTo(flatAtTile.evaluate(bs8).tpotMs(), withPercentage(0.01));
    }

    @Test void rejectsAnEfficiencyAboveOne() {
        ServingDefaults d = ServingDefaults.standard();
        assertThatThrownBy(() -> withCurve(d, 1.5, 45)).hasMessageContaining("expertGemmEfficiencyMax");
        assertThatThrownBy(() -> withCurve(d, 0.35, -1)).hasMessageContaining("expertGemmHalfRows");
    }

    private static ServingDefaults withCurve(ServingDefaults d, double effMax, double halfRows) {
        return new ServingDefaults(d.memoryUtilization(), d.bandwidthEfficiency(), d.denseComputeEfficiency(), d.moeComputeFactor(),
            d.prefillMfu(), d.collectiveLatencySeconds(), d.networkLatencySeconds(), d.layerOverheadSeconds(), d.maxBatch(),
            d.amortisationYears(), d.pue(), d.usdPerKWh(), d.hostingUsdPerDeviceMonth(), d.apiMarkup(), d.outputShare(),
            d.allToAllNvlinkEfficiency(), d.allToAllNetworkEfficiency(), d.overlapMinTokensPerRank(), d.gemmTileRows(),
            d.mlaDecodeAttentionEfficiency(), effMax, halfRows, d.amdMatrixRateShare());
    }
}
