package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static owsim.serving.Fixtures.hw;
import static owsim.serving.Fixtures.model;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import owsim.catalog.AcceleratorSpec;
import owsim.catalog.WeightFormat;

/**
 * Published multi-node and rack-scale figures (docs/SERVING.md, "Validation at scale"): decode tokens/s per
 * decode GPU of prefill/decode-disaggregated deployments, and prefill tokens/s per prefill GPU. Calibration rows
 * (expertGemmEfficiencyMax and expertGemmHalfRows, with DeepSeek-R1 on 8xH200 in PublishedThroughputTest) are marked; every other row is held out. Target 25%; a row that misses keeps the tolerance
 * it meets, with the reason.
 */
class ScaleOutThroughputTest {
    private static final WeightFormat FP8 = WeightFormat.FP8;
    private static final double TARGET = 0.25;
    /** DeepSeek-V3 tech report: the second token's acceptance is 85-90%; the middle is used. */
    private static final double MTP = 0.875;

    private final ServingEngine engine = new ServingEngine();

    static Stream<Arguments> decode() {
        return Stream.of(
            // DeepSeek inference system overview (Open Infra Week day 6): 14.8k output tok/s per H800 node (decode, daily
            // average), EP144 over 18 nodes, 128 sequences per GPU (SGLang's reading of DeepSeek's profile), KV 4,989, MTP.
            row("DeepSeek production decode, 144 x H800", "deepseek-v3", hw("h800"), "ep144dp144", 128, 4989, MTP, FP8, KvFormat.BF16,
                14_800 / 8.0, TARGET),
            // DeepSeek profile-data decode as SGLang tabulates it: 18,598 tok/s per node, EP128 (16 nodes), 128 per GPU, KV 4,096, MTP. Calibration.
            row("DeepSeek profile decode, 128 x H800 (calibration)", "deepseek-v3", hw("h800"), "ep128dp128", 128, 4096, MTP, FP8, KvFormat.BF16,
                18_598 / 8.0, TARGET),
            // SGLang large-scale EP: 22,282 tok/s per decode node, 9 nodes (EP72), 256 per GPU, 2,000-token inputs. Calibration.
            row("SGLang decode, 72 x H100 (calibration)", "deepseek-v3", hw("h100-sxm"), "ep72dp72", 256, 2000, 0, FP8, KvFormat.BF16,
                22_282 / 8.0, TARGET),
            // SGLang/Mooncake Kimi K2: 384k decode tok/s on 12 decode nodes of 8 H200 (96 GPUs), batch 480 (read as per rank), 2000/100.
            // Miss (-22%): the batch of 480 is read as per GPU; K2's 64 heads halve MLA attention work per token.
            row("SGLang Kimi K2 decode, 96 x H200", "kimi-k2", hw("h200"), "ep96dp96", 480, 2000, 0, FP8, KvFormat.BF16,
                384_000 / 96.0, TARGET),
            // SGLang GB200 NVL72 part I: 7,583 decode tok/s per GPU, 2,000-token inputs, 12 trays (48 GPUs) decoding, FP8 MoE, BF16 KV;
            // batch not stated: the largest that fits. Calibration.
            row("SGLang decode, 48 x GB200 NVL72 (calibration)", "deepseek-v3", hw("gb200-nvl72"), "ep48dp48", 0, 2000, 0, FP8, KvFormat.BF16,
                7_583, TARGET),
            // Part II, BF16 attention + FP8 MoE: 9,087; FP8 attention + NVFP4 MoE: 13,386 (same shape). The NVFP4 row's expert
            // GEMMs (about 2,800 rows per expert) run at the grouped FP4 share of their peak (ComputeRates.fp4GroupedRelativeEfficiency,
            // 0.83 there) and its MLA attention over the FP8 cache at Blackwell's FP8 rate (ComputeRates.mlaDecodeFp8KvSpeedup,
            // 1.43 at 2,000 tokens): -9.4% (-16% at the BF16 attention rate, -8% before that at the whole FP4 peak).
            row("SGLang decode part II FP8, 48 x GB200", "deepseek-v3", hw("gb200-nvl72"), "ep48dp48", 0, 2000, 0, FP8, KvFormat.BF16,
                9_087, TARGET),
            row("SGLang decode part II NVFP4 + FP8 KV, 48 x GB200", "deepseek-v3", hw("gb200-nvl72"), "ep48dp48", 0, 2000, 0, WeightFormat.INT4, KvFormat.FP8,
                13_386, TARGET),
            // Moreh MoAI on AMD: >21,000 decode tok/s on one server of 8 MI300X with EP8 (technical report 2025-11-13); input length
            // and batch are not given there: 2,000 tokens as in the SGLang setup it follows, the largest batch that fits.
            // Compute-bound: the MI300X's matrix math runs at ServingDefaults.amdMatrixRateShare of its rated peak (+28% without it).
            row("Moreh decode, 8 x MI300X (AMD)", "deepseek-v3", hw("mi300x"), "ep8dp8", 0, 2000, 0, FP8, KvFormat.BF16,
                21_000 / 8.0, TARGET));
    }

    private static Arguments row(String name, String model, AcceleratorSpec hw, String layout, int perGpuBatch, int kvLen, double mtp,
                                 WeightFormat w, KvFormat kv, double published, double tolerance) {
        return Arguments.of(name, model, hw, layout, perGpuBatch, kvLen, mtp, w, kv, published, tolerance);
    }

    @ParameterizedTest(name = "{0}: {9} decode tok/s per GPU")
    @MethodSource("decode")
    void decodeTokensPerSecondPerGpu(String name, String model, AcceleratorSpec hw, String layout, int perGpuBatch, int kvLen,
                                     double mtp, WeightFormat w, KvFormat kv, double published, double tolerance) {
        ServeRequest r = ServeRequest.of(model(model), hw).withFormats(w, kv).withLayout(layout).withTokens(kvLen, 100)
            .withKvLen(kvLen).withMtpAcceptance(mtp);
        int gpus = Parallelism.parse(layout).gpus();
        ServeResult x = engine.evaluate(perGpuBatch > 0 ? r.withBatch(perGpuBatch * gpus) : r);
        assertThat(x.fits()).isTrue();
        assertThat(x.gpus()).isEqualTo(gpus);
        assertThat(x.decodeTokensPerSecondPerGpu() / published - 1).isBetween(-tolerance, tolerance);
    }

    /**
     * An AMD device's matrix math (decode GEMMs, attention, prefill) runs at amdMatrixRateShare of its rated peak; its
     * memory bandwidth and every NVIDIA device are untouched. Prefill is compute-bound, so its rate scales by the share.
     */
    @Test void amdMatrixMathRunsAtItsSustainedShareOfTheRatedPeak() {
        ServingDefaults d = ServingDefaults.standard();
        ServingEngine rated = new ServingEngine(withAmdShare(d, 1.0), PriceBook.standard());
        ServeRequest amd = ServeRequest.of(model("deepseek-v3"), hw("mi300x")).withFormats(FP8, KvFormat.BF16).withLayout("ep8dp8")
            .withTokens(2000, 100).withBatch(32);
        assertThat(engine.evaluate(amd).prefillTokensPerSecondPerGpu() / rated.evaluate(amd).prefillTokensPerSecondPerGpu())
            .isCloseTo(d.amdMatrixRateShare(), org.assertj.core.api.Assertions.within(1e-9));
        ServeRequest nvidia = amd.withHardware(hw("h200"));
        assertThat(engine.evaluate(nvidia).prefillTokensPerSecondPerGpu()).isEqualTo(rated.evaluate(nvidia).prefillTokensPerSecondPerGpu());
        assertThat(d.matrixRateShare(hw("mi355x"))).isEqualTo(0.75);
        assertThat(d.matrixRateShare(hw("b200"))).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withAmdShare(d, 1.5)).hasMessageContaining("amdMatrixRateShare");
    }

    private static ServingDefaults withAmdShare(ServingDefaults d, double share) {
        return new ServingDefaults(d.memoryUtilization(), d.bandwidthEfficiency(), d.denseComputeEfficiency(), d.moeComputeFactor(),
            d.prefillMfu(), d.collectiveLatencySeconds(), d.networkLatencySeconds(), d.layerOverheadSeconds(), d.maxBatch(),
            d.amortisationYears(), d.pue(), d.usdPerKWh(), d.hostingUsdPerDeviceMonth(), d.apiMarkup(), d.outputShare(),
            d.allToAllNvlinkEfficiency(), d.allToAllNetworkEfficiency(), d.overlapMinTokensPerRank(), d.gemmTileRows(),
            d.mlaDecodeAttentionEfficiency(), d.expertGemmEfficiencyMax(), d.expertGemmHalfRows(), share);
    }

    static Stream<Arguments> prefill() {
        return Stream.of(
            // SGLang large-scale EP, prefill on 4 nodes of 8 H100 (EP32): 57,674 / 54,543 / 50,302 tok/s per node at 1K/2K/4K prompts.
            Arguments.of("h100-sxm", "ep32dp32", 1000, 57_674 / 8.0),
            Arguments.of("h100-sxm", "ep32dp32", 2000, 54_543 / 8.0),
            Arguments.of("h100-sxm", "ep32dp32", 4000, 50_302 / 8.0),
            // DeepSeek profile-data prefill as SGLang tabulates it: 62,713 tok/s per node, EP32, 4,096-token prompts.
            Arguments.of("h800", "ep32dp32", 4096, 62_713 / 8.0));
    }

    @ParameterizedTest(name = "{0} {1} prompt {2}: {3} prefill tok/s per GPU")
    @MethodSource("prefill")
    void prefillTokensPerSecondPerGpu(String hw, String layout, int prompt, double published) {
        ServeResult x = engine.evaluate(ServeRequest.of(model("deepseek-v3"), hw(hw)).withFormats(FP8, KvFormat.BF16)
            .withLayout(layout).withTokens(prompt, 100).withBatch(32));
        assertThat(x.prefillTokensPerSecondPerGpu() / published - 1).isBetween(-TARGET, TARGET);
    }

    /**
     * DeepSeek's own cost: $87,072 a day for 226.75 H800 nodes on average at $2 per GPU-hour, serving 608B input tokens
     * (56.3% from the KV cache) and 168B output tokens. The engine's cost of that traffic on its production layouts
     * (prefill EP32, decode EP144 with MTP, KV 4,989), at $2 per GPU-hour and fully busy, is within 25% below it (the
     * fleet is sized for the daily peak and idles part of the day).
     */
    @Test void deepSeekDailyCostAtItsPublishedTraffic() {
        ServeRequest base = ServeRequest.of(model("deepseek-v3"), hw("h800")).withFormats(FP8, KvFormat.BF16).withUtilization(1);
        ServeResult decode = engine.evaluate(base.withLayout("ep144dp144").withKvLen(4989).withBatch(128 * 144).withMtpAcceptance(MTP));
        ServeResult prefill = engine.evaluate(base.withLayout("ep32dp32").withTokens(4096, 100).withBatch(32));
        double usdPerGpuSecond = 2.0 / 3600;
        double usd = 168e9 / decode.decodeTokensPerSecondPerGpu() * usdPerGpuSecond
            + 608e9 * (1 - 0.563) / prefill.prefillTokensPerSecondPerGpu() * usdPerGpuSecond;
        assertThat(usd / 87_072 - 1).isBetween(-TARGET, 0.0);
    }
}
