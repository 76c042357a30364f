package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled catalog loads, holds the required entries, and every entry says where its numbers come from. */
class BundledCatalogTest {
    private final Catalog catalog = Catalog.bundled();

    @Test
    void holdsTheModelsTheEnginesNeed() {
        List<String> ids = catalog.models().stream().map(ModelSpec::id).toList();
        assertThat(ids).contains("deepseek-v3", "deepseek-r1", "kimi-k2", "qwen3-235b-a22b", "qwen3-32b", "qwen3-8b",
            "llama-3.1-405b", "llama-3.1-70b", "llama-3.1-8b", "gpt-oss-120b", "gpt-oss-20b", "glm-4.5",
            "mixtral-8x7b", "gemma-3-27b");
    }

    @Test
    void holdsTheAcceleratorsTheEnginesNeed() {
        List<String> ids = catalog.accelerators().stream().map(AcceleratorSpec::id).toList();
        assertThat(ids).contains("h100-sxm", "h800", "h200", "b200", "a100-80gb", "l40s", "mi300x",
            "rtx-3090", "rtx-4090", "rtx-5090", "m3-ultra-512gb", "cpu-server");
    }

    @Test
    void everyModelNamesItsSources() {
        for (ModelSpec m : catalog.models()) {
            assertThat(m.sources()).as(m.id() + " sources").isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(m.published()).as(m.id() + " published counts").isNotNull();
        }
    }

    @Test
    void everyAcceleratorNamesItsSources() {
        for (AcceleratorSpec a : catalog.accelerators()) {
            assertThat(a.sources()).as(a.id() + " sources").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(s -> assertThat(s).isNotBlank());
        }
    }

    @Test
    void consumerCardsAreOnPcieAndUnifiedOrCpuBoxesAreSingleDevices() {
        for (AcceleratorSpec a : catalog.accelerators()) {
            if (a.kind() == AcceleratorKind.CONSUMER) assertThat(a.interconnectGBps()).as(a.id()).isLessThanOrEqualTo(64);
            if (a.kind() == AcceleratorKind.UNIFIED || a.kind() == AcceleratorKind.CPU) assertThat(a.devicesPerNode()).as(a.id()).isEqualTo(1);
        }
    }

    @Test
    void slidingWindowModelsHaveTheirPublishedLayerSplit() {
        assertThat(catalog.model("gpt-oss-120b").attention().slidingWindowLayers()).isEqualTo(18);
        assertThat(catalog.model("gemma-3-27b").attention().slidingWindowLayers()).isEqualTo(52);
        assertThat(catalog.model("gpt-oss-120b").nativeExpertWeights()).isEqualTo(WeightFormat.INT4);
        assertThat(catalog.model("gpt-oss-120b").nativeWeights()).isEqualTo(WeightFormat.BF16);
    }
}
