package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that prints a result prints, with --format json, one JSON object of one shape:
 * {"owsim": version, "command": "...", result fields}; standard error carries the status.
 * (run, claims and equilibrium have their own tests of this.)
 */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String command, String... args) throws Exception {
        Cli r = Cli.run(args);
        assertThat(r.exit()).as("%s: %s", command, r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.isObject()).isTrue();
        assertThat(j.fieldNames().next()).isEqualTo("owsim");
        assertThat(j.get("owsim").asText()).isEqualTo(Main.version());
        assertThat(j.get("command").asText()).isEqualTo(command);
        return j;
    }

    @Test void catalogScenarioAndCostCommands(@TempDir Path tmp) throws Exception {
        assertThat(json("scenario check", "scenario", "check", "default", "--format", "json").get("labs").asInt()).isEqualTo(8);
        assertThat(json("catalog list", "catalog", "list", "--format", "json").get("models").size()).isPositive();
        JsonNode show = json("catalog show", "catalog", "show", "llama-3.1-8b", "--format", "JSON");
        assertThat(show.get("model").get("layers").asInt()).isEqualTo(32);
        assertThat(show.get("model").get("derived").get("totalParams").asLong()).isEqualTo(8_030_261_248L);
        assertThat(json("catalog show", "catalog", "show", "h100-sxm", "--format", "json").get("accelerator").get("derived")
            .get("bf16FlopsPerByte").asDouble()).isBetween(290.0, 300.0);
        assertThat(json("cost serve", "cost", "serve", "--model", "llama-3.1-8b", "--hardware", "h100-sxm", "--format", "json")
            .get("fits").asBoolean()).isTrue();
        assertThat(json("cost subscriber", "cost", "subscriber", "--model", "llama-3.1-8b", "--hardware", "h100-sxm",
            "--tokens-per-month", "1e6", "--price", "20", "--format", "json").has("usdCostPerMonth")).isTrue();
        assertThat(json("cost selfhost", "cost", "selfhost", "--model", "llama-3.1-8b", "--tokens-per-month", "1e9", "--format", "json")
            .get("options").size()).isPositive();

        Path config = tmp.resolve("config.json");
        Files.writeString(config, """
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336, "num_hidden_layers": 32,
             "num_attention_heads": 32, "num_key_value_heads": 8, "vocab_size": 128256, "max_position_embeddings": 131072,
             "torch_dtype": "bfloat16"}
            """);
        JsonNode imported = json("catalog import-hf", "catalog", "import-hf", config.toString(), "--id", "my-llama", "--format", "json");
        assertThat(imported.get("id").asText()).isEqualTo("my-llama");
        assertThat(imported.get("yaml").asText()).contains("id: my-llama");
    }

    @Test void sweepExportAnalyzeAndBench(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("tiny.yaml");
        Files.writeString(exp, """
            name: tiny
            months: 3
            rootSeed: 5
            replications: 2
            design: {kind: latin-hypercube, runs: 3}
            parameters:
              - path: technology.spilloverPerMonth
                min: 0.02
                max: 0.12
            metrics:
              - market.openWeightTokenShare
            """);
        Path db = tmp.resolve("tiny.duckdb");
        JsonNode sweep = json("sweep", "sweep", exp.toString(), "--out", db.toString(), "--threads", "1", "--format", "json");
        assertThat(sweep.get("runsMade").asInt()).isEqualTo(6);
        assertThat(sweep.get("runsStored").asInt()).isEqualTo(6);

        Cli table = Cli.run("export", db.toString(), "--csv", "--out", tmp.resolve("t.csv").toString());
        assertThat(table.out()).as("status goes to stderr").isEmpty();
        assertThat(table.err()).contains("6 runs -> ");
        JsonNode export = json("export", "export", db.toString(), "--csv", "--out", tmp.resolve("r.csv").toString(), "--format", "json");
        assertThat(export.get("runs").asInt()).isEqualTo(6);
        assertThat(export.get("fileFormat").asText()).isEqualTo("csv");

        Cli analyzed = Cli.run("analyze", db.toString(), "--out", tmp.resolve("rep").toString());
        assertThat(analyzed.out()).doesNotContain("report.html");
        assertThat(analyzed.err()).contains("report.html");
        JsonNode analyze = json("analyze", "analyze", db.toString(), "--format", "json");
        assertThat(analyze.get("runs").asInt()).isEqualTo(6);
        assertThat(analyze.get("summaries").size()).isPositive();

        Cli spark = Cli.run("sweep", exp.toString(), "--master", "local[2]", "--format", "json");
        assertThat(spark.exit()).isEqualTo(2);
        assertThat(spark.err()).contains("--format: json is not available with --master");

        JsonNode bench = json("bench agents", "bench", "agents", "--users", "2000", "--months", "1", "--warmup-months", "0",
            "--threads", "1", "--format", "json");
        assertThat(bench.get("users").asInt()).isEqualTo(2000);
    }
}
