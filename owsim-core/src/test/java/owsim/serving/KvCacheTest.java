package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static owsim.serving.Fixtures.model;

import org.junit.jupiter.api.Test;

class KvCacheTest {
    @Test void multiHeadIsTwoTimesLayersHeadsHeadDimBytes() {
        // 2 x 32 layers x 32 heads x 128 x 2 B
        assertThat(KvCache.bytesPerToken(Fixtures.mhaModel(), KvFormat.BF16)).isEqualTo(524_288L);
    }

    @Test void groupedQueryLlama70bMatchesHandCalculation() {
        // 2 x 80 x 8 x 128 x 2 B = 327,680 B (serving.md)
        assertThat(KvCache.bytesPerToken(model("llama-3.1-70b"), KvFormat.BF16)).isEqualTo(327_680L);
        assertThat(KvCache.bytesPerToken(model("llama-3.1-70b"), KvFormat.FP8)).isEqualTo(163_840L);
    }

    @Test void mlaCachesOneLatentNotFullKeysAndValues() {
        // 61 x (512 + 64) x 2 B = 70,272 B; expanded K and V would be 61 x 128 x (192 + 128) x 2 = 4,997,120 B
        assertThat(KvCache.bytesPerToken(model("deepseek-v3"), KvFormat.BF16)).isEqualTo(70_272L);
        assertThat(KvCache.bytesPerToken(model("kimi-k2"), KvFormat.BF16)).isEqualTo(70_272L);
    }

    @Test void otherCatalogFiguresFromTheReference() {
        assertThat(KvCache.bytesPerToken(model("qwen3-235b-a22b"), KvFormat.BF16)).isEqualTo(192_512L);
        assertThat(KvCache.bytesPerToken(model("llama-3.1-405b"), KvFormat.BF16)).isEqualTo(516_096L);
        assertThat(KvCache.bytesPerToken(model("gpt-oss-120b"), KvFormat.BF16)).isEqualTo(73_728L);
        assertThat(KvCache.bytesPerToken(model("glm-4.5"), KvFormat.BF16)).isEqualTo(376_832L);
    }

    @Test void slidingWindowLayersHoldAtMostTheWindow() {
        // gpt-oss-120b: 18 full layers x 2048 B per token, 18 windowed layers x 2048 B x min(ctx, 128)
        double at100k = KvCache.bytesPerSequence(model("gpt-oss-120b"), KvFormat.BF16, 100_000);
        assertThat(at100k).isEqualTo(18 * 2048.0 * 100_000 + 18 * 2048.0 * 128);
        double at64 = KvCache.bytesPerSequence(model("gpt-oss-120b"), KvFormat.BF16, 64);
        assertThat(at64).isEqualTo(36 * 2048.0 * 64);
    }

    @Test void gqaWiderThanKvHeadsReplicatesAndMlaLivesWhollyOnEveryDeviceOfItsTensorGroup() {
        assertThat(KvCache.replication(model("qwen3-235b-a22b"), 8)).isEqualTo(2);
        assertThat(KvCache.replication(model("llama-3.1-70b"), 8)).isEqualTo(1);
        // MLA's latent serves every head, so a tensor group of 8 holds 8 copies; data-parallel attention (tp 1) holds one.
        assertThat(KvCache.replication(model("deepseek-v3"), 8)).isEqualTo(8);
        assertThat(KvCache.replication(model("deepseek-v3"), 1)).isEqualTo(1);
    }
}
