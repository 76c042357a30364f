package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimsCommandTest {
    @Test void writesBothReportsWithTheCommandThatMadeThemAndPrintsTheVerdicts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("claims");
        Cli r = Cli.run("claims", "default", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        for (String id : new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}) {
            assertThat(r.out()).containsPattern("(?m)^" + id + " +(HOLDS|FAILS|HOLDS_WHEN)");
        }
        String md = Files.readString(out.resolve(ClaimsCommand.MARKDOWN));
        assertThat(md).contains("`" + ClaimsCommand.command("default", out) + "`").contains("| claim | statement | verdict |");
        String html = Files.readString(out.resolve(ClaimsCommand.HTML));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script");
    }

    @Test void unknownScenarioFileIsAUsageError(@TempDir Path dir) {
        assertThat(Cli.run("claims", dir.resolve("missing.yaml").toString()).exit()).isEqualTo(2);
    }
}
