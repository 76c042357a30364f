package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code owsim sweep --master}: its option checks and the child JVM it would start (the run itself is owsim-spark's end-to-end test). */
class SparkSweepLauncherTest {
    @Test
    void threadsAndMasterDoNotGoTogether() {
        Cli r = Cli.run("sweep", "../experiments/small-grid.yaml", "--master", "local[2]", "--threads", "2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--threads: not with --master");
    }

    @Test
    void partitionsNeedAMaster() {
        Cli r = Cli.run("sweep", "../experiments/small-grid.yaml", "--partitions", "4");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--partitions: only with --master");
    }

    @Test
    void anUnbuiltSparkModuleIsNamedWithTheCommandThatBuildsIt(@TempDir Path target) {
        assertThat(new SparkSweepLauncher(target).missing()).hasValueSatisfying(m -> assertThat(m)
            .contains("there is no " + target.resolve("owsim-spark.jar"))
            .contains("'mvn -pl owsim-spark -am package -DskipTests'"));
    }

    @Test
    void aLibraryMissingFromTheLocalRepositoryIsNamed(@TempDir Path target) throws Exception {
        fakeBuild(target, target.resolve("gone.jar").toString());
        assertThat(new SparkSweepLauncher(target).missing()).hasValueSatisfying(m -> assertThat(m)
            .contains("Spark's library " + target.resolve("gone.jar") + " is missing"));
    }

    @Test
    void theChildIsJavaWithSparksOptionsOnTheJobJarAndSparksClasspath(@TempDir Path target) throws Exception {
        Path lib = Files.writeString(target.resolve("spark-core.jar"), "");
        fakeBuild(target, lib.toString());
        SparkSweepLauncher launcher = new SparkSweepLauncher(target);
        assertThat(launcher.missing()).isEmpty();
        List<String> cmd = launcher.command(List.of("e.yaml", "--master", "local[2]"));
        assertThat(cmd.get(0)).endsWith(File.separator + "java");
        assertThat(cmd).containsSubsequence("--add-opens=java.base/java.nio=ALL-UNNAMED", "-Dlog4j2.configurationFile=classpath:owsim/spark/log4j2-cli.properties",
            "-cp", target.resolve("owsim-spark.jar") + File.pathSeparator + lib, "owsim.spark.SparkSweep", "e.yaml", "--master", "local[2]");
    }

    private static void fakeBuild(Path target, String classpath) throws Exception {
        Files.writeString(target.resolve("owsim-spark.jar"), "");
        Files.writeString(target.resolve("spark-classpath.txt"), classpath);
        Files.writeString(target.resolve("spark-jvm-options.txt"), "-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.nio=ALL-UNNAMED\n");
    }
}
