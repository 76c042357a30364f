package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsCommandTest {
    // On the four-lab world: the reports and the verdict table are written by the same code for any world, in a third of
    // the default's time. The default world's reports are checked byte for byte by ClaimsTest (docs/CLAIMS.md and
    // docs/claims.html), and the command's JSON on it by ServeApiTest.
    @Test void writesBothReportsWithTheCommandThatMadeThemAndPrintsTheVerdicts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("claims");
        String scenario = Cli.FOUR_LABS.toString();
        Cli r = Cli.run("claims", scenario, "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (String id : new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}) {
            assertThat(r.out()).containsPattern("(?m)^" + id + " +(HOLDS|FAILS|HOLDS_WHEN)");
        }
        String md = Files.readString(out.resolve(ClaimsCommand.MARKDOWN));
        assertThat(md).contains("`" + ClaimsCommand.command(scenario, out) + "`").contains("| claim | statement | verdict |");
        String html = Files.readString(out.resolve(ClaimsCommand.HTML));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script");
        // Standard output is the verdicts alone; where the files went is status, on standard error.
        assertThat(r.out()).doesNotContain("Wrote");
        assertThat(r.err()).contains("Wrote " + ClaimsCommand.MARKDOWN + " and " + ClaimsCommand.HTML);
    }

    // On the four-lab world, as the test above.
    @Test void jsonHasTheEnvelopeAndEveryClaimsVerdict() throws Exception {
        Cli r = Cli.run("claims", Cli.FOUR_LABS.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("owsim").asText()).isNotBlank();
        assertThat(j.get("command").asText()).isEqualTo("claims");
        assertThat(j.get("claims")).hasSize(12);
        for (JsonNode c : j.get("claims")) {
            assertThat(c.get("id").asText()).matches("[a-l]");
            assertThat(c.get("verdict").get("kind").asText()).isIn("HOLDS", "FAILS", "HOLDS_WHEN");
            assertThat(c.get("finding").asText()).isNotBlank();
        }
    }

    @Test void takesTheSharedEngineOptions() {
        Cli users = Cli.run("claims", "--users", "1000");
        assertThat(users.exit()).isEqualTo(2);
        assertThat(users.err()).contains("--users").contains("--engine agent");
        Cli other = Cli.run("claims", "--engine", "magic");
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("--engine").contains("'aggregate' or 'agent'");
        Cli help = Cli.run("claims", "--help");
        assertThat(help.out()).contains("--engine").contains("--users").contains("--threads");
        assertThat(ClaimsCommand.command("default", Path.of("out"), " --engine agent --users 5000"))
            .isEqualTo("owsim claims default --engine agent --users 5000 --out out");
    }

    @Test void unknownScenarioFileIsAUsageError(@TempDir Path dir) {
        assertThat(Cli.run("claims", dir.resolve("missing.yaml").toString()).exit()).isEqualTo(2);
    }
}
