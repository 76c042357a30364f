package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static owsim.serving.Fixtures.hw;
import static owsim.serving.Fixtures.model;

import org.junit.jupiter.api.Test;
import owsim.catalog.WeightFormat;

/**
 * MLA decode attention over an FP8 KV cache on NVIDIA data-centre Blackwell ({@link ComputeRates#mlaDecodeFp8KvSpeedup}):
 * the form against the kernel times it was fitted on and those held out, and where it applies. Source [AIC]:
 * aiconfigurator (github.com/ai-dynamo/aiconfigurator, commit 095f58a5), table
 * aic-core/src/aiconfigurator_core/systems/data/b200_sxm/mla/trtllm/1.3.0rc20/generation_mla_perf.parquet, rows with
 * 128 heads: batch, KV length (the table's step + 1), BF16-KV and FP8-KV latency in ms; every third point of the
 * grid (batches 64 to 1,024 by doubling, KV 512 to 8,192 by doubling, in that order) fitted, the others held out.
 */
class MlaFp8KvRateTest {
    private static final double[][] FITTED = {
        {64, 1024, 0.0231, 0.0210},
        {64, 8192, 0.1250, 0.0736},
        {128, 2048, 0.0770, 0.0558},
        {256, 512, 0.0558, 0.0561},
        {256, 4096, 0.2470, 0.1541},
        {512, 1024, 0.1439, 0.1228},
        {512, 8192, 0.8300, 0.4627},
        {1024, 2048, 0.4726, 0.3321}
    };
    private static final double[][] HELD_OUT = {
        {64, 512, 0.0170, 0.0189},
        {64, 2048, 0.0438, 0.0293},
        {64, 4096, 0.0715, 0.0463},
        {128, 512, 0.0312, 0.0296},
        {128, 1024, 0.0483, 0.0415},
        {128, 4096, 0.1310, 0.0839},
        {128, 8192, 0.2384, 0.1367},
        {256, 1024, 0.0841, 0.0708},
        {256, 2048, 0.1395, 0.0993},
        {256, 8192, 0.4599, 0.2588},
        {512, 512, 0.0906, 0.0964},
        {512, 2048, 0.2446, 0.1736},
        {512, 4096, 0.4405, 0.2732},
        {1024, 512, 0.1666, 0.1808},
        {1024, 1024, 0.2714, 0.2306},
        {1024, 4096, 0.8630, 0.5312},
        {1024, 8192, 1.6458, 0.9104}
    };

    @Test void theFormHoldsOnTheFittedAndHeldOutKernelTimes() {
        for (double[] p : FITTED) {
            double measured = p[2] / p[3];
            assertThat(speedup(p[1]) / measured - 1).as("fitted: batch %s, KV %s", p[0], p[1]).isBetween(-0.10, 0.10);
        }
        for (double[] p : HELD_OUT) {
            double measured = p[2] / p[3];
            assertThat(speedup(p[1]) / measured - 1).as("held out: batch %s, KV %s", p[0], p[1]).isBetween(-0.15, 0.15);
        }
    }

    private static double speedup(double kvTokens) {
        return ComputeRates.mlaDecodeFp8KvSpeedup(hw("b200"), model("deepseek-v3"), KvFormat.FP8, kvTokens);
    }

    @Test void belowTheShortestMeasuredKvItHoldsItsValueThere() {
        // The tables start at 512 KV tokens (0.90x); shorter reads take that, not the form's 0.3x at 100 tokens.
        assertThat(speedup(100)).isEqualTo(speedup(512));
        assertThat(speedup(1)).isEqualTo(speedup(512));
        assertThat(speedup(512)).isBetween(0.89, 0.91);
        assertThat(speedup(600)).isGreaterThan(speedup(512));
    }

    @Test void onlyMlaOverAnFp8CacheOnNvidiaDataCentreBlackwellGains() {
        assertThat(speedup(1500)).isGreaterThan(1.3).isLessThan(1.4);
        assertThat(ComputeRates.mlaDecodeFp8KvSpeedup(hw("gb200-nvl72"), model("deepseek-v3"), KvFormat.FP8, 2000)).isGreaterThan(1.4);
        assertThat(ComputeRates.mlaDecodeFp8KvSpeedup(hw("b200"), model("deepseek-v3"), KvFormat.BF16, 1500)).isEqualTo(1.0);
        assertThat(ComputeRates.mlaDecodeFp8KvSpeedup(hw("h200"), model("deepseek-v3"), KvFormat.FP8, 1500)).isEqualTo(1.0);
        assertThat(ComputeRates.mlaDecodeFp8KvSpeedup(hw("b200"), model("qwen3-235b-a22b"), KvFormat.FP8, 1500)).isEqualTo(1.0);
        assertThat(ComputeRates.mlaDecodeFp8KvSpeedup(hw("mi355x"), model("deepseek-v3"), KvFormat.FP8, 1500)).isEqualTo(1.0);
        assertThat(ComputeRates.mlaDecodeFp8KvSpeedup(hw("rtx-5090"), model("deepseek-v3"), KvFormat.FP8, 1500)).isEqualTo(1.0);
    }

    /**
     * The engine's decode step takes it: at a fixed compute-bound batch, an FP8 cache speeds DeepSeek-R1's decode on
     * 4 x B200 by more than the bytes it saves (its attention math is faster too), on 8 x H200 by the bytes alone.
     */
    @Test void theDecodeStepOfAnMlaModelOnBlackwellTakesIt() {
        ServingEngine engine = new ServingEngine();
        ServeRequest b200 = ServeRequest.of(model("deepseek-r1"), hw("b200")).withLayout("ep4dp4").withFormats(WeightFormat.INT4, KvFormat.FP8)
            .withTokens(1000, 1000).withBatch(1024);
        ServeRequest h200 = b200.withHardware(hw("h200")).withLayout("ep8dp8").withFormats(WeightFormat.FP8, KvFormat.FP8);
        double onB200 = engine.evaluate(b200).decodeTokensPerSecondPerGpu()
            / engine.evaluate(b200.withFormats(WeightFormat.INT4, KvFormat.BF16)).decodeTokensPerSecondPerGpu();
        double onH200 = engine.evaluate(h200).decodeTokensPerSecondPerGpu()
            / engine.evaluate(h200.withFormats(WeightFormat.FP8, KvFormat.BF16)).decodeTokensPerSecondPerGpu();
        assertThat(onB200).isGreaterThan(onH200 * 1.01);
    }
}
