package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owsim launcher's first build: says what it does and how long, keeps Maven's output out unless
 * it fails; its class-data archive: made once per build, used when present, left out when missing,
 * stale or failed; the quick-start options for short commands only.
 */
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

    /**
     * A built tree (a jar newer than its sources) and a stand-in for java that logs its arguments,
     * writes the class list and the archive it is asked to (or fails to list the classes, when the
     * file fail-archive exists), and runs.
     */
    private static Path builtTree(Path tmp) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.copy(Path.of("..", "owsim"), tree.resolve("owsim"));
        Files.writeString(tree.resolve("pom.xml"), "<project/>");
        Files.setLastModifiedTime(tree.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
        for (String module : List.of("owsim-core", "owsim-web", "owsim-bench")) Files.createDirectories(tree.resolve(module));
        Path jar = Files.createDirectories(tree.resolve("owsim-cli/target")).resolve("owsim.jar");
        Files.writeString(jar, "a jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"$*\" >> \"" + tmp.resolve("java.log") + "\"\n"
            + "dump=; for a in \"$@\"; do [ \"$a\" = -Xshare:dump ] && dump=1; done\n"
            + "for a in \"$@\"; do case \"$a\" in -XX:DumpLoadedClassList=*)\n"
            + "  [ -e \"" + tmp.resolve("fail-archive") + "\" ] && exit 1; echo classes > \"${a#*=}\";;\n"
            + "  -XX:SharedArchiveFile=*) [ -n \"$dump\" ] && echo archive > \"${a#*=}\";; esac; done\n"
            + "echo ran\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tree;
    }

    /** Runs the launcher of {@code tree} with these arguments; returns the java command lines it started. */
    private static List<String> javaRuns(Path tmp, Path tree, String... args) throws Exception {
        Files.deleteIfExists(tmp.resolve("java.log"));
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", tree.resolve("owsim").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().remove("OWSIM_JAVA_OPTS");
        pb.environment().remove("OWSIM_CDS");
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("err.txt"))).isZero();
        assertThat(Files.readString(tmp.resolve("out.txt"))).isEqualTo("ran\n");
        return Files.readAllLines(tmp.resolve("java.log"));
    }

    @Test void theArchiveIsMadeOnceAndThenUsedWithTheQuickStartOptionsForShortCommandsOnly(@TempDir Path tmp) throws Exception {
        Path tree = builtTree(tmp);
        Path jsa = tree.resolve("owsim-cli/target/owsim.jsa");
        List<String> first = javaRuns(tmp, tree, "cost", "serve", "--model", "m");
        assertThat(first).hasSize(3);
        assertThat(first.get(0)).contains("-XX:DumpLoadedClassList=" + jsa + ".").contains("cost serve");
        assertThat(first.get(1)).contains("-Xshare:dump", "-XX:SharedClassListFile=" + jsa + ".", "-XX:SharedArchiveFile=" + jsa + ".");
        assertThat(Files.readString(jsa)).isEqualTo("archive\n");
        try (var left = Files.list(jsa.getParent())) {
            assertThat(left.map(f -> f.getFileName().toString())).as("the class list is removed")
                .containsExactlyInAnyOrder("owsim.jar", "owsim.jsa");
        }
        assertThat(first.get(2)).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + jsa)
            .endsWith("-jar " + tree.resolve("owsim-cli/target/owsim.jar") + " cost serve --model m");
        assertThat(Files.readString(tmp.resolve("err.txt"))).contains("preparing faster starts");

        List<String> later = javaRuns(tmp, tree, "run", "--months", "3");
        assertThat(later).hasSize(1);
        assertThat(later.get(0)).contains("-XX:SharedArchiveFile=" + jsa).doesNotContain("TieredStopAtLevel").doesNotContain("SerialGC");
        assertThat(Files.readString(tmp.resolve("err.txt"))).isEmpty();
    }

    @Test void aStaleArchiveIsMadeAgainAndAFailedOneIsLeftOutWithoutRetrying(@TempDir Path tmp) throws Exception {
        Path tree = builtTree(tmp);
        Path jsa = tree.resolve("owsim-cli/target/owsim.jsa");
        Files.writeString(jsa, "old archive");
        Files.setLastModifiedTime(jsa, FileTime.from(Instant.now().minusSeconds(600)));
        Files.createFile(tmp.resolve("fail-archive"));
        List<String> failed = javaRuns(tmp, tree, "--version");
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0)).contains("-XX:DumpLoadedClassList=");
        assertThat(failed.get(1)).doesNotContain("SharedArchiveFile").contains("-XX:TieredStopAtLevel=1").endsWith("--version");
        assertThat(Files.size(jsa)).isZero();
        List<String> again = javaRuns(tmp, tree, "--version");
        assertThat(again).hasSize(1);
        assertThat(again.get(0)).doesNotContain("SharedArchiveFile");
        try (var left = Files.list(jsa.getParent())) {
            assertThat(left.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("owsim.jar", "owsim.jsa");
        }
    }

    @Test void withoutAnArchiveOrWithOwsimCdsOffTheCommandRunsWithoutOne(@TempDir Path tmp) throws Exception {
        Path tree = builtTree(tmp);
        Files.deleteIfExists(tmp.resolve("java.log"));
        ProcessBuilder pb = new ProcessBuilder("bash", tree.resolve("owsim").toString(), "catalog", "list");
        pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("OWSIM_CDS", "0");
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<String> runs = Files.readAllLines(tmp.resolve("java.log"));
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).doesNotContain("SharedArchiveFile").doesNotContain("DumpLoadedClassList").endsWith("catalog list");
        assertThat(tree.resolve("owsim-cli/target/owsim.jsa")).doesNotExist();
    }
}
