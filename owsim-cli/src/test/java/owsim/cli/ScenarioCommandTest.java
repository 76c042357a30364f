package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

class ScenarioCommandTest {
    @TempDir Path tmp;

    @Test
    void showDefaultPrintsTheEmbeddedCommentedYaml() {
        Cli r = Cli.run("scenario", "show", "default");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(Scenarios.defaultYaml()).contains("#");
    }

    @Test
    void showWithoutANameShowsTheDefault() {
        // The docs write 'owsim scenario show' for the default world; it must work as written.
        Cli r = Cli.run("scenario", "show");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(Scenarios.defaultYaml());
    }

    @Test
    void showAnythingElseSaysWhatIsThere() {
        Cli r = Cli.run("scenario", "show", "mine.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'default'").contains("scenario check");
    }

    @Test
    void checkAValidFileCountsLabsAndSegments() throws IOException {
        Path f = Files.writeString(tmp.resolve("copy.yaml"), Scenarios.defaultYaml());
        Cli r = Cli.run("scenario", "check", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Scenario s = Scenarios.defaultScenario();
        assertThat(r.out()).isEqualTo("ok: " + s.name() + ", " + s.labs().size() + " labs, " + s.segments().size() + " segments\n");
    }

    @Test
    void checkABadFileGivesFileLineAndExit2() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), "bogusKey: 1\n" + Scenarios.defaultYaml());
        Cli r = Cli.run("scenario", "check", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:1:").contains("bogusKey");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void rangeAndCatalogErrorsPointAtTheFieldsOwnLine() throws IOException {
        String yaml = Scenarios.defaultYaml();
        String[] lines = yaml.split("\n", -1);
        int mfuLine = 0;
        int templateLine = 0;
        for (int i = 0; i < lines.length; i++) {
            if (mfuLine == 0 && lines[i].trim().startsWith("trainingMfu:")) mfuLine = i + 1;
            if (templateLine == 0 && lines[i].trim().startsWith("templateModel:")) templateLine = i + 1;
        }
        Path range = Files.writeString(tmp.resolve("range.yaml"), yaml.replaceFirst("trainingMfu: [0-9.]+", "trainingMfu: 3.3"));
        Cli r = Cli.run("scenario", "check", range.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("range.yaml:" + mfuLine + ":").contains("technology.trainingMfu").contains("3.3");

        Path ref = Files.writeString(tmp.resolve("ref.yaml"), yaml.replaceFirst("templateModel: [a-z0-9.-]+", "templateModel: no-such-model"));
        r = Cli.run("scenario", "check", ref.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("ref.yaml:" + templateLine + ":").contains("labs[0].templateModel").contains("closest");
    }

    @Test
    void checkAMissingFileIsAUsageError() {
        Cli r = Cli.run("scenario", "check", tmp.resolve("missing.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing.yaml");
    }

    @Test
    void scenarioWithoutSubcommandListsThem() {
        Cli r = Cli.run("scenario");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("show").contains("check");
    }
}
