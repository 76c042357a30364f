package owsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import owsim.io.InputException;

/**
 * Importing Hugging Face configs. The fixtures under test resources hf/ are written from the
 * published config values of each bundled model; importing one must give the bundled
 * architecture, hence exactly the same parameter count.
 */
class HfConfigImportTest {
    private static final Catalog CATALOG = Catalog.bundled();

    static Stream<String> fixtures() {
        return Stream.of("deepseek-v3", "kimi-k2", "qwen3-235b-a22b", "qwen3-32b", "qwen3-8b", "llama-3.1-405b",
            "llama-3.1-70b", "llama-3.1-8b", "gpt-oss-120b", "gpt-oss-20b", "glm-4.5", "mixtral-8x7b", "gemma-3-27b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importedConfigHasTheBundledArchitecture(String id) throws IOException {
        ModelSpec imported = HfConfigImport.fromJson("hf/" + id + ".json", fixture(id), id);
        ModelSpec bundled = CATALOG.model(id);
        assertThat(imported.attention()).isEqualTo(bundled.attention());
        assertThat(imported.ffn()).isEqualTo(bundled.ffn());
        assertThat(imported.layers()).isEqualTo(bundled.layers());
        assertThat(imported.vocabSize()).isEqualTo(bundled.vocabSize());
        assertThat(imported.tiedEmbeddings()).isEqualTo(bundled.tiedEmbeddings());
        assertThat(imported.nativeWeights()).isEqualTo(bundled.nativeWeights());
        assertThat(imported.nativeExpertWeights()).isEqualTo(bundled.nativeExpertWeights());
        assertThat(ParameterCount.of(imported)).isEqualTo(ParameterCount.of(bundled));
    }

    @Test
    void gemmaDefaultsFillWhatItsNestedTextConfigLeavesOut() throws IOException {
        ModelSpec g = HfConfigImport.fromJson("gemma.json", fixture("gemma-3-27b"), null);
        assertThat(g.vocabSize()).isEqualTo(262_208);
        assertThat(g.contextTokens()).isEqualTo(131_072);
        assertThat(g.tiedEmbeddings()).isTrue();
        assertThat(g.attention().slidingWindowLayers()).isEqualTo(52);
        assertThat(g.id()).isEqualTo("gemma3_text");
    }

    @Test
    void headDimDefaultsToHiddenOverHeadsAndMhaIsRecognised() {
        ModelSpec m = HfConfigImport.fromJson("c.json", """
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
             "num_attention_heads": 32, "vocab_size": 32000, "max_position_embeddings": 4096,
             "_name_or_path": "meta-llama/Llama-2-7b-hf"}""", null);
        assertThat(m.attention().headDim()).isEqualTo(128);
        assertThat(m.attention().kind()).isEqualTo(AttentionKind.MHA);
        assertThat(m.id()).isEqualTo("llama-2-7b-hf");
        // Llama-2-7B: 6.74B parameters.
        assertThat(ParameterCount.of(m).total()).isEqualTo(6_738_415_616L);
    }

    @Test
    void mistralWindowAppliesToEveryLayerAndQwenWindowOnlyWhenSwitchedOn() {
        ModelSpec mistral = HfConfigImport.fromJson("m.json", """
            {"model_type": "mistral", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
             "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 32000,
             "max_position_embeddings": 32768, "sliding_window": 4096}""", "mistral-7b");
        assertThat(mistral.attention().slidingWindowTokens()).isEqualTo(4096);
        assertThat(mistral.attention().slidingWindowLayers()).isEqualTo(32);
        ModelSpec qwen2 = HfConfigImport.fromJson("q.json", """
            {"model_type": "qwen2", "hidden_size": 3584, "intermediate_size": 18944, "num_hidden_layers": 28,
             "num_attention_heads": 28, "num_key_value_heads": 4, "vocab_size": 152064,
             "max_position_embeddings": 32768, "sliding_window": 131072, "use_sliding_window": false}""", "qwen2.5-7b");
        assertThat(qwen2.attention().slidingWindowLayers()).isZero();
        assertThat(qwen2.attention().qkvBias()).isTrue();
        // Qwen2.5-7B: 7.61B parameters (model card).
        assertThat(ParameterCount.of(qwen2).total() / 7.61e9).isBetween(0.99, 1.01);
    }

    @Test
    void mlaWithoutQueryCompressionImports() {
        // DeepSeek-V2-Lite: q_lora_rank null, 15.7B total / 2.4B active (model card).
        ModelSpec lite = HfConfigImport.fromJson("lite.json", """
            {"model_type": "deepseek_v2", "hidden_size": 2048, "intermediate_size": 10944, "moe_intermediate_size": 1408,
             "num_hidden_layers": 27, "num_attention_heads": 16, "num_key_value_heads": 16, "n_routed_experts": 64,
             "n_shared_experts": 2, "num_experts_per_tok": 6, "first_k_dense_replace": 1, "q_lora_rank": null,
             "kv_lora_rank": 512, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64, "v_head_dim": 128,
             "vocab_size": 102400, "max_position_embeddings": 163840, "tie_word_embeddings": false}""", "deepseek-v2-lite");
        assertThat(lite.attention().qLoraRank()).isZero();
        ParameterCount c = ParameterCount.of(lite);
        assertThat(c.total() / 15.7e9).isBetween(0.98, 1.02);
        // The 2.4B matches the count without the input embedding (2.45B); with it, 2.66B.
        assertThat(c.active("unembedding") / 2.4e9).isBetween(0.98, 1.03);
    }

    @Test
    void compressedTensorsInt4WithAttentionIgnoredQuantisesOnlyExperts() {
        ModelSpec k = HfConfigImport.fromJson("k.json", """
            {"model_type": "kimi_k25", "text_config": {"model_type": "kimi_k2", "hidden_size": 7168,
             "intermediate_size": 18432, "moe_intermediate_size": 2048, "num_hidden_layers": 61,
             "num_attention_heads": 64, "n_routed_experts": 384, "n_shared_experts": 1, "num_experts_per_tok": 8,
             "first_k_dense_replace": 1, "q_lora_rank": 1536, "kv_lora_rank": 512, "qk_nope_head_dim": 128,
             "qk_rope_head_dim": 64, "v_head_dim": 128, "vocab_size": 163840, "max_position_embeddings": 262144,
             "quantization_config": {"quant_method": "compressed-tensors",
               "config_groups": {"group_0": {"weights": {"num_bits": 4, "type": "int"}}},
               "ignore": ["lm_head", "re:.*self_attn.*", "re:.*shared_experts.*"]}}}""", "kimi-k2.5");
        assertThat(k.nativeWeights()).isEqualTo(WeightFormat.BF16);
        assertThat(k.nativeExpertWeights()).isEqualTo(WeightFormat.INT4);
        assertThat(k.contextTokens()).isEqualTo(262_144);
    }

    @Test
    void storageTypeSetsTheFormatWhenThereIsNoQuantizationConfig() {
        String base = """
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
             "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256,
             "max_position_embeddings": 131072, %s}""";
        assertThat(HfConfigImport.fromJson("a.json", base.formatted("\"torch_dtype\": \"float16\""), "a").nativeWeights())
            .isEqualTo(WeightFormat.BF16);
        assertThat(HfConfigImport.fromJson("b.json", base.formatted("\"dtype\": \"float8_e4m3fn\""), "b").nativeWeights())
            .isEqualTo(WeightFormat.FP8);
        assertThatThrownBy(() -> HfConfigImport.fromJson("c.json", base.formatted("\"torch_dtype\": \"float64\""), "c"))
            .isInstanceOf(InputException.class).hasMessageContaining("torch_dtype").hasMessageContaining("float64");
    }

    @Test
    void unknownModelTypeNamesTheFieldAndWhatIsSupported() {
        assertThatThrownBy(() -> HfConfigImport.fromJson("x/config.json", "{\"model_type\": \"bert\"}", null))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("x/config.json")
            .hasMessageContaining("model_type")
            .hasMessageContaining("'bert' is not supported")
            .hasMessageContaining("deepseek_v3");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> HfConfigImport.fromJson("y.json", """
            {"model_type": "qwen3_moe", "hidden_size": 4096, "num_hidden_layers": 94, "num_attention_heads": 64,
             "vocab_size": 151936, "max_position_embeddings": 40960, "num_experts": 128, "num_experts_per_tok": 8}""", "q"))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("y.json")
            .hasMessageContaining("moe_intermediate_size: is missing");
    }

    @Test
    void missingNestedFieldIsNamedWithItsPath() {
        assertThatThrownBy(() -> HfConfigImport.fromJson("g.json",
            "{\"model_type\": \"gemma3\", \"text_config\": {\"model_type\": \"gemma3_text\", \"hidden_size\": 5376}}", "g"))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("text_config.num_hidden_layers: is missing");
    }

    @Test
    void wrongTypesAndBadJsonAreReported() {
        assertThatThrownBy(() -> HfConfigImport.fromJson("z.json", "{\"model_type\": \"llama\", \"num_hidden_layers\": \"32\"}", "z"))
            .isInstanceOf(InputException.class).hasMessageContaining("num_hidden_layers: expected a whole number");
        assertThatThrownBy(() -> HfConfigImport.fromJson("bad.json", "{\"model_type\": ", "z"))
            .isInstanceOf(InputException.class).hasMessageContaining("bad.json").hasMessageContaining("not valid JSON");
        // A file of another kind is not echoed back.
        assertThatThrownBy(() -> HfConfigImport.fromJson("passwd", "root:x:0:0:root:/root:/bin/bash\n", "z"))
            .isInstanceOf(InputException.class)
            .hasMessage("passwd:1:5: not valid JSON; expected a model's config.json");
    }

    @Test
    void fileImportTakesItsIdFromTheFolderWhenTheConfigHasNoName(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("Qwen3-8B"));
        Path file = folder.resolve("config.json");
        Files.writeString(file, fixture("qwen3-8b"));
        assertThat(HfConfigImport.fromFile(file, null).id()).isEqualTo("qwen3-8b");
        assertThat(HfConfigImport.fromFile(file, "mine").id()).isEqualTo("mine");
        assertThatThrownBy(() -> HfConfigImport.fromFile(dir.resolve("none.json"), null))
            .isInstanceOf(InputException.class).hasMessageContaining("no such file");
    }

    // Issue 12: sizes that overflowed int arithmetic imported as negative parameter counts; zero heads divided by zero.

    @Test
    void anOversizedHeadDimIsRefusedNamingTheConfigField() throws IOException {
        String bad = fixture("deepseek-v3").replace("\"qk_nope_head_dim\": 128", "\"qk_nope_head_dim\": 2147483647");
        assertThatThrownBy(() -> HfConfigImport.fromJson("c.json", bad, "x"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("c.json:16:3: qk_nope_head_dim: must be a whole number from 1 to 65536, was 2147483647");
    }

    @Test
    void sizesThatOverflowTogetherAreRefusedNotWrapped() throws IOException {
        // Each size is within its own bound; the product of kv_lora_rank, heads and head sizes over 10,000 layers is not.
        String bad = fixture("deepseek-v3").replace("\"kv_lora_rank\": 512", "\"kv_lora_rank\": 1048576")
            .replace("\"num_attention_heads\": 128", "\"num_attention_heads\": 65536")
            .replace("\"qk_nope_head_dim\": 128", "\"qk_nope_head_dim\": 65536")
            .replace("\"v_head_dim\": 128", "\"v_head_dim\": 65536")
            .replace("\"num_hidden_layers\": 61", "\"num_hidden_layers\": 10000");
        assertThatThrownBy(() -> HfConfigImport.fromJson("c.json", bad, "x"))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("c.json:1:1: parameters: model 'x' has more than 9223372036854775807 parameters");
    }

    @Test
    void zeroHeadsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> HfConfigImport.fromJson("c.json", """
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
             "num_attention_heads": 0, "vocab_size": 32000, "max_position_embeddings": 4096}""", "x"))
            .isInstanceOf(InputException.class)
            .hasMessage("c.json:2:2: num_attention_heads: must be a whole number > 0, was 0");
    }

    @Test
    void zeroKeyValueHeadsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> HfConfigImport.fromJson("c.json", """
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
             "num_attention_heads": 32, "num_key_value_heads": 0, "vocab_size": 32000, "max_position_embeddings": 4096}""", "x"))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("c.json:2:29: num_key_value_heads: must be a whole number from 1 to 65536, was 0");
    }

    static String fixture(String id) throws IOException {
        try (InputStream in = HfConfigImportTest.class.getResourceAsStream("/hf/" + id + ".json")) {
            assertThat(in).as("fixture " + id).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
