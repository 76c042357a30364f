package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog commands through {@link Main#execute}, as a user runs them. */
class CatalogCommandsTest {
    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void listShowsModelsAndAcceleratorsAsATable() {
        Result r = run("catalog", "list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("MODEL", "ACCELERATOR", "USD/HOUR");
        String v3 = r.out().lines().filter(l -> l.startsWith("deepseek-v3 ")).findFirst().orElseThrow();
        assertThat(v3).contains("moe", "671.0B", "37.6B", "61", "128K", "fp8");
        String oss = r.out().lines().filter(l -> l.startsWith("gpt-oss-120b ")).findFirst().orElseThrow();
        assertThat(oss).contains("bf16 + int4 experts");
        String m3 = r.out().lines().filter(l -> l.startsWith("m3-ultra-512gb ")).findFirst().orElseThrow();
        assertThat(m3).contains("unified", "476.8", "819").endsWith("-"); // 512 GB = 476.8 GiB
        // Memory in GiB, the unit 'cost serve' uses: an 80 GB H100 holds 74.5 GiB.
        assertThat(r.out()).contains("MEMORY GiB").doesNotContain("MEMORY GB");
        assertThat(r.out().lines().filter(l -> l.startsWith("h100-sxm ")).findFirst().orElseThrow()).contains(" 74.5 ");
    }

    @Test
    void listAsJsonCarriesComputedCounts() throws Exception {
        Result r = run("catalog", "list", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode llama = null;
        for (JsonNode m : root.get("models")) if (m.get("id").asText().equals("llama-3.1-8b")) llama = m;
        assertThat(llama).isNotNull();
        assertThat(llama.get("totalParams").asLong()).isEqualTo(8_030_261_248L);
        assertThat(root.get("accelerators").size()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void badFormatIsAUsageError() {
        Result r = run("catalog", "list", "--format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--format").contains("table, json");
    }

    @Test
    void showModelPrintsFieldsDerivedCountsAndSources() {
        Result r = run("catalog", "show", "gpt-oss-120b");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("slidingWindowLayers: 18", "nativeExpertWeights: int4", "sources:",
            "openai/gpt-oss", "activeParamsAsPublished:", "embeddings counted: unembedding", "routedExperts:", "nativeWeightGiB:");
    }

    @Test
    void showAcceleratorPrintsFieldsAndRidgePoint() {
        Result r = run("catalog", "show", "h100-sxm");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("memoryBandwidthGBps: 3350", "interconnectGBps: 450", "sources:", "bf16FlopsPerByte: 295");
    }

    @Test
    void unknownIdListsClosestIdsAndExitsTwo() {
        Result r = run("catalog", "show", "qwen3-32");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no model or accelerator 'qwen3-32'").contains("qwen3-32b");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void bareCatalogIsAUsageError() {
        Result r = run("catalog");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("list", "show", "import-hf");
    }

    @Test
    void importedEntryWorksWithCatalogOption(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, """
            {"model_type": "qwen3", "hidden_size": 4096, "intermediate_size": 12288, "num_hidden_layers": 36,
             "num_attention_heads": 32, "num_key_value_heads": 8, "head_dim": 128, "vocab_size": 151936,
             "max_position_embeddings": 40960, "tie_word_embeddings": false, "torch_dtype": "bfloat16"}""");
        Result printed = run("catalog", "import-hf", config.toString(), "--id", "my-qwen");
        assertThat(printed.exit()).isZero();
        assertThat(printed.out()).contains("id: my-qwen", "layers: 36", "kind: gqa", "8.2B total");

        Path yaml = dir.resolve("mine.yaml");
        Result written = run("catalog", "import-hf", config.toString(), "--id", "my-qwen", "--out", yaml.toString());
        assertThat(written.exit()).isZero();
        assertThat(written.out()).contains("wrote", "my-qwen");
        assertThat(Files.readString(yaml)).isEqualTo(printed.out());

        Result shown = run("catalog", "show", "my-qwen", "--catalog", yaml.toString());
        assertThat(shown.exit()).isZero();
        // 9,216 below the checkpoint's 8,190,735,360: the per-head q/k norms (36 x 2 x 128) are not counted.
        assertThat(shown.out()).contains("totalParams: 8190726144");
    }

    @Test
    void importOfUnsupportedConfigNamesFileAndField(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"model_type\": \"bert\", \"hidden_size\": 768}");
        Result r = run("catalog", "import-hf", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("config.json", "model_type", "'bert' is not supported");
    }
}
