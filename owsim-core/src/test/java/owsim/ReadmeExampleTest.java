package owsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/** README's Java example is {@link ReadmeExample}: it compiles, runs and prints every lab's payoff, and the README shows it unchanged. */
class ReadmeExampleTest {
    private static final String EXAMPLE = """
        Catalog catalog = Catalog.bundled();
        Scenario scenario = Scenarios.defaultScenario();
        Engine engine = new AggregateEngine(catalog);
        RunResult run = engine.run(scenario);
        for (LabSummary lab : run.labs()) {
            System.out.printf("%s: payoff %.3g USD%n", lab.id(), lab.payoff());
        }
        """;

    @Test void theExampleRunsAndPrintsEachLabsPayoff() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReadmeExample.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        Scenario s = Scenarios.defaultScenario();
        assertThat(printed.lines()).hasSize(s.labs().size());
        assertThat(printed).contains(s.labs().get(0).id() + ": payoff ");
    }

    @Test void theReadmeShowsTheExampleAsTested() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(EXAMPLE);
    }

    @Test void theCompiledExampleIsTheReadmesCode() throws IOException {
        String source = Files.readString(Path.of("src", "test", "java", "owsim", "ReadmeExample.java"), StandardCharsets.UTF_8);
        assertThat(source).contains(EXAMPLE.indent(12));
    }
}
