package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts derived from the architecture against the developers' published counts.
 * Tolerance 2% for every bundled model (total, and active under the published embedding
 * convention); the exceptions the YAML notes explain (GLM-4.5's MTP layer, DeepSeek's MTP module)
 * still fall inside it. Exact closed forms for two models whose exact counts are known.
 */
class ParameterCountTest {
    static final double TOLERANCE = 0.02;
    private static final Catalog CATALOG = Catalog.bundled();

    static Stream<ModelSpec> models() {
        return CATALOG.models().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void totalWithinTwoPercentOfPublished(ModelSpec m) {
        double computed = ParameterCount.of(m).total();
        assertThat(computed / m.published().totalParams() - 1).as(m.id() + " total " + computed).isCloseTo(0, within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void activeWithinTwoPercentOfPublished(ModelSpec m) {
        double computed = ParameterCount.of(m).activeAsPublished(m);
        assertThat(computed / m.published().activeParams() - 1).as(m.id() + " active " + computed).isCloseTo(0, within(TOLERANCE));
    }

    @Test
    void llama31_8bMatchesItsExactCheckpointCount() {
        // 8,030,261,248 is the exact count of the released safetensors (untied, no biases).
        assertThat(ParameterCount.of(CATALOG.model("llama-3.1-8b")).total()).isEqualTo(8_030_261_248L);
    }

    @Test
    void mixtralMatchesItsExactCheckpointCount() {
        // 46,702,792,704: 32 layers x (attention 41,943,040 + 8 experts x 176,160,768 + router 32,768 + norms 8,192)
        // + 2 x 131,072,000 embeddings + 4,096 final norm.
        ParameterCount c = ParameterCount.of(CATALOG.model("mixtral-8x7b"));
        assertThat(c.total()).isEqualTo(46_702_792_704L);
        assertThat(c.active()).isEqualTo(46_702_792_704L - 32L * 6 * 176_160_768L);
    }

    @Test
    void denseModelsAreFullyActiveAndMoeModelsAreNot() {
        for (ModelSpec m : CATALOG.models()) {
            ParameterCount c = ParameterCount.of(m);
            if (m.isMoe()) assertThat(c.active()).as(m.id()).isLessThan(c.total());
            else assertThat(c.active()).as(m.id()).isEqualTo(c.total());
            if (m.tiedEmbeddings()) assertThat(c.active("none")).as(m.id()).isEqualTo(c.active("unembedding"));
            else assertThat(c.active("none")).as(m.id()).isLessThan(c.active("unembedding"));
        }
    }

    @Test
    void tiedEmbeddingsAreCountedOnce() {
        ParameterCount gemma = ParameterCount.of(CATALOG.model("gemma-3-27b"));
        assertThat(gemma.unembedding()).isZero();
        assertThat(gemma.embedding()).isEqualTo(262_208L * 5376);
        assertThat(gemma.active("unembedding")).isEqualTo(gemma.active("none"));
    }

    @Test
    void mlaWithoutQueryCompressionUsesOneFullQueryMatrix() {
        // Same shape with and without a query low-rank: 128 heads x 192 dims from 7168 directly vs through rank 1536.
        AttentionSpec lowRank = new AttentionSpec(AttentionKind.MLA, 128, 0, 0, 1536, 512, 128, 64, 128, 0, 0, false);
        AttentionSpec full = new AttentionSpec(AttentionKind.MLA, 128, 0, 0, 0, 512, 128, 64, 128, 0, 0, false);
        long withLowRank = ParameterCount.of(model(lowRank)).attention();
        long withoutLowRank = ParameterCount.of(model(full)).attention();
        // Two layers in the test model.
        assertThat(withoutLowRank - withLowRank).isEqualTo(2 * (7168L * 128 * 192 - (7168L * 1536 + 1536L * 128 * 192)));
    }

    @Test
    void nativeWeightBytesUseTheExpertFormatOnlyForRoutedExperts() {
        ModelSpec m = CATALOG.model("gpt-oss-120b");
        ParameterCount c = ParameterCount.of(m);
        double expected = c.nonExpertWeights() * 2.0 + c.expertWeights() * 4.25 / 8;
        assertThat(c.nativeWeightBytes(m)).isCloseTo(expected, within(1.0));
        // About 63 GB: the reason it fits one 80 GB GPU.
        assertThat(c.nativeWeightBytes(m) / 1e9).isBetween(60.0, 66.0);
    }

    private static ModelSpec model(AttentionSpec a) {
        return new ModelSpec("x", null, null, null, 2, 7168, 1000, false, 4096, WeightFormat.BF16, null, a,
            new FfnSpec(1000, 0, 0, 0, 0, 0, false), null, List.of(), null);
    }
}
