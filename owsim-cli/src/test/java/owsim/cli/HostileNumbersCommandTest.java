package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.scenario.Scenarios;

/**
 * Issue 12, end to end: inputs that gave wrong numbers with exit 0 or crashed now end with exit 2,
 * a message naming the file and field, no stack trace, and no files written.
 */
class HostileNumbersCommandTest {
    @TempDir Path tmp;

    private Path scenario(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static void refused(Cli r, String... expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anEmptyPlanIsRefusedAndNothingIsWritten() throws IOException {
        Path file = scenario("plan.yaml", Scenarios.defaultYaml()
            .replace("subscription: {usdPerMonth: 20, monthlyTokenCap: 3.0e7}", "subscription: {}"));
        Path out = tmp.resolve("out");
        refused(Cli.run("run", file.toString(), "--months", "3", "--out", out.toString()),
            "plan.yaml:", "labs[0].subscription.monthlyTokenCap", "leave the plan out");
        assertThat(out).doesNotExist();
    }

    @Test
    void fractionalMonthsAreRefusedWithLineAndField() throws IOException {
        Path file = scenario("months.yaml", Scenarios.defaultYaml().replaceFirst("(?m)^  months: 60", "  months: 12.5"));
        refused(Cli.run("scenario", "check", file.toString()), "months.yaml:", "run.months", "expected a whole number");
    }

    @Test
    void claimsOnOneLabSayWhatTheyNeed() throws IOException {
        // The default with its first lab only (and so no distillers or access rules, which name other labs).
        String text = Scenarios.defaultYaml();
        int from = text.indexOf("  - id: open-challenger");
        int to = text.indexOf("\nsegments:");
        int distillers = text.indexOf("\ndistillers:");
        int regions = text.indexOf("\n# Regions: every segment");
        int access = text.indexOf("\naccess:");
        int exportControls = text.indexOf("\n# US export controls");
        String oneLab = text.substring(0, from) + text.substring(to, distillers) + "\ndistillers: []\n" + text.substring(regions, access)
            + text.substring(exportControls);
        String first = Scenarios.defaultScenario().labs().get(0).id();
        Path out = tmp.resolve("claims");
        refused(Cli.run("claims", scenario("one.yaml", oneLab).toString(), "--out", out.toString()),
            "labs: the claims compare labs", "need at least 2", "has 1 (" + first + ")");
        assertThat(out).doesNotExist();
    }

    @Test
    void importHfWithZeroHeadsNamesTheField() throws IOException {
        Path config = Files.writeString(tmp.resolve("config.json"), """
            {"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008, "num_hidden_layers": 32,
             "num_attention_heads": 0, "vocab_size": 32000, "max_position_embeddings": 4096}""");
        refused(Cli.run("catalog", "import-hf", config.toString()), "config.json:2:2: num_attention_heads: must be a whole number > 0, was 0");
    }
}
