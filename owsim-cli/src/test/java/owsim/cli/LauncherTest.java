package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The owsim launcher's first build: says what it does and how long, keeps Maven's output out unless it fails. */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    /** A tree with the launcher and a stand-in for Maven that prints noise, then succeeds or fails. */
    private static Result launch(Path tmp, boolean buildSucceeds) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.copy(Path.of("..", "owsim"), tree.resolve("owsim"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/usr/bin/env bash\necho MAVEN-NOISE\necho MAVEN-ERROR-LINE >&2\n"
            + (buildSucceeds ? "mkdir -p owsim-cli/target && echo not-a-jar > owsim-cli/target/owsim.jar\nexit 0\n" : "exit 1\n"));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", tree.resolve("owsim").toString(), "--version");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String err) {}

    @Test void firstBuildSaysWhatAndHowLongWithoutMavensOutput(@TempDir Path tmp) throws Exception {
        Result r = launch(tmp, true);
        assertThat(r.err()).contains("owsim: building owsim-cli with Maven (first use)").contains("minutes")
            .containsPattern("owsim: built in \\d+ s").doesNotContain("MAVEN-NOISE").doesNotContain("MAVEN-ERROR-LINE");
    }

    @Test void aFailedBuildShowsMavensLastLinesAndExitsOne(@TempDir Path tmp) throws Exception {
        Result r = launch(tmp, false);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("owsim: the build failed").contains("MAVEN-NOISE").contains("MAVEN-ERROR-LINE");
    }
}
