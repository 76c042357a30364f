package owsim.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static owsim.serving.Fixtures.model;

import org.junit.jupiter.api.Test;
import owsim.catalog.ModelSpec;
import owsim.catalog.WeightFormat;

class WeightMemoryTest {
    @Test void shapeAddsUpToTheCatalogParameterCount() {
        for (ModelSpec m : Fixtures.CATALOG.models()) {
            ModelShape s = new ModelShape(m);
            owsim.catalog.ParameterCount p = owsim.catalog.ParameterCount.of(m);
            assertThat(s.total()).as(m.id()).isCloseTo(p.total(), withinPercentage(1e-9));
            // Active compute = the catalog's active count without the embedding lookup (with it, when tied).
            double expected = m.tiedEmbeddings() ? p.active() : p.active() - p.embedding();
            assertThat(s.activeCompute()).as(m.id()).isCloseTo(expected, withinPercentage(1e-9));
        }
    }

    @Test void deepSeekBf16IsOver1point3TB() {
        // sglang benchmark/deepseek_v3/README.md: BF16 weights "over 1.3 TB"
        ModelSpec m = model("deepseek-v3");
        double bytes = WeightMemory.totalBytes(new ModelShape(m), m, WeightFormat.BF16);
        assertThat(bytes).isBetween(1.30e12, 1.40e12);
    }

    @Test void deepSeekFp8IsHalfTheBf16CoreWithEmbeddingsAt16Bits() {
        ModelSpec m = model("deepseek-v3");
        ModelShape s = new ModelShape(m);
        double expected = 2.0 * 129_280 * 7168 * 2 + (s.total() - 2.0 * 129_280 * 7168) * WeightFormat.FP8.bytesPerWeight();
        assertThat(WeightMemory.totalBytes(s, m, WeightFormat.FP8)).isCloseTo(expected, withinPercentage(0.001));
    }

    @Test void gptOssKeepsMxfp4ExpertsUnlessAskedSmaller() {
        ModelSpec m = model("gpt-oss-120b");
        assertThat(WeightMemory.expertFormat(m, WeightFormat.BF16)).isEqualTo(WeightFormat.INT4);
        assertThat(WeightMemory.expertFormat(m, WeightFormat.FP8)).isEqualTo(WeightFormat.INT4);
        // 114.7B expert parameters at 4.25 bits + 2.1B at 16 bits = ~65 GB: "fits a single 80GB GPU" (gpt-oss README);
        // 16-bit experts would need ~230 GB.
        double gib = WeightMemory.totalBytes(new ModelShape(m), m, WeightFormat.BF16) / ServingEngine.GIB;
        assertThat(gib).isBetween(58.0, 64.0);
    }

    @Test void formatWithoutSeparateExpertFormatAppliesToExperts() {
        ModelSpec m = model("deepseek-v3");
        assertThat(WeightMemory.expertFormat(m, WeightFormat.BF16)).isEqualTo(WeightFormat.BF16);
        assertThat(WeightMemory.expertFormat(m, WeightFormat.INT4)).isEqualTo(WeightFormat.INT4);
    }

    @Test void distinctExpertsClosedForm() {
        assertThat(WeightMemory.distinctExperts(256, 8, 1)).isCloseTo(8, within(1e-9));
        assertThat(WeightMemory.distinctExperts(256, 8, 32)).isCloseTo(256 * (1 - Math.pow(1 - 8 / 256.0, 32)), within(1e-9));
        assertThat(WeightMemory.distinctExperts(256, 8, 4096)).isCloseTo(256, within(1e-6));
        assertThat(WeightMemory.distinctExperts(0, 0, 10)).isZero();
    }

    @Test void moeTouchesFewerBytesAtBatchOneThanTheWholeModel() {
        ModelSpec m = model("deepseek-v3");
        ModelShape s = new ModelShape(m);
        double one = WeightMemory.touchedBytes(s, m, WeightFormat.FP8, 1);
        double all = WeightMemory.touchedBytes(s, m, WeightFormat.FP8, 100_000);
        // Batch 1 reads the 37B active parameters (plus embeddings at 16 bits), not 671B.
        assertThat(one / 1e9).isBetween(35.0, 42.0);
        assertThat(all).isCloseTo(WeightMemory.totalBytes(s, m, WeightFormat.FP8) - WeightMemory.embeddingBytes(s) + s.lmHead() * 2,
            withinPercentage(0.01));
    }
}
