package owsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the packaged jars, each run in its own JVM as a user starts it: the owsim
 * command's {@code sweep --master local[2]} and spark-submit's way of starting the job jar
 * (its SparkSubmit class on Spark's classpath), both against the command's local sweep.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkSweepIT {
    private static final Path CLI_JAR = Path.of("..", "owsim-cli", "target", "owsim.jar").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final String EXPERIMENT = """
        name: end-to-end
        months: 12
        rootSeed: 31
        replications: 2
        design: {kind: latin-hypercube, runs: 30}
        parameters:
          - {path: technology.spilloverPerMonth, min: 0.02, max: 0.12}
          - {path: "labs[open-challenger].researchers", distribution: log-uniform, min: 100, max: 1000}
        metrics:
          - market.openWeightTokenShare
          - market.openModelLagMonths
          - labs[open-challenger].payoff
        """;

    private record Ran(int exit, String out, String err) {}

    private Path tmp;
    private Path experiment;
    private List<List<Object>> localRows;

    @BeforeAll
    void localSweep(@TempDir Path dir) throws Exception {
        tmp = dir;
        assertThat(CLI_JAR).as("the owsim command's jar (owsim-cli is built before this module)").isRegularFile();
        experiment = tmp.resolve("e2e.yaml");
        Files.writeString(experiment, EXPERIMENT);
        Path db = tmp.resolve("local.duckdb");
        Ran local = owsim("sweep", experiment.toString(), "--out", db.toString(), "--threads", "2");
        assertThat(local.exit()).as(local.err()).isZero();
        localRows = rows("(SELECT * FROM local.runs)", db);
        assertThat(localRows).hasSize(60);
    }

    @Test
    void owsimSweepWithAMasterWritesTheLocalRunnersRows() throws Exception {
        Path out = tmp.resolve("cli-spark");
        Ran spark = owsim("sweep", experiment.toString(), "--master", "local[2]", "--out", out.toString(), "--partitions", "3");
        assertThat(spark.exit()).as(spark.err()).isZero();
        assertThat(spark.err()).contains("end-to-end: 60 runs (latin-hypercube design, 2 replications), master local[2], 3 partitions");
        assertThat(spark.out()).contains("60 runs made in");
        // Same owsim version in both jars, so every column matches, owsim_version included.
        assertThat(rows("read_parquet('" + out + "/runs/*.parquet')", null)).isEqualTo(localRows);
    }

    @Test
    void aMasterSparkCannotParseIsAUsageErrorNamingTheOption() throws Exception {
        Ran bad = owsim("sweep", experiment.toString(), "--master", "lokal[2]", "--out", tmp.resolve("never").toString());
        assertThat(bad.exit()).as(bad.err()).isEqualTo(2);
        assertThat(bad.err()).contains("owsim: --master: Spark cannot use 'lokal[2]'; allowed: local, local[N], local[*], spark://HOST:PORT");
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void sparkSubmitRunsTheJobJar() throws Exception {
        Path out = tmp.resolve("submitted");
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOptions());
        cmd.addAll(List.of("-cp", Files.readString(TARGET.resolve("spark-classpath.txt")).trim(), "org.apache.spark.deploy.SparkSubmit",
            "--master", "local[2]", "--conf", "spark.ui.enabled=false", "--class", "owsim.spark.SparkSweep",
            TARGET.resolve("owsim-spark.jar").toString(), experiment.toString(), "--out", out.toString()));
        Ran submitted = start(cmd);
        assertThat(submitted.exit()).as(submitted.err()).isZero();
        assertThat(submitted.out()).contains("60 runs made in");
        assertThat(rows("read_parquet('" + out + "/runs/*.parquet')", null)).isEqualTo(localRows);
    }

    private Ran owsim(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", CLI_JAR.toString()));
        cmd.addAll(Arrays.asList(args));
        return start(cmd);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> jvmOptions() throws Exception {
        return Arrays.asList(Files.readString(TARGET.resolve("spark-jvm-options.txt")).trim().split("\\s+"));
    }

    private Ran start(List<String> cmd) throws Exception {
        File out = tmp.resolve("stdout.txt").toFile();
        File err = tmp.resolve("stderr.txt").toFile();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("no exit within 5 minutes: " + cmd);
        }
        return new Ran(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8), Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    /** Every row of a runs table, ordered by run id, read by DuckDB ({@code db} attached as "local" when given). */
    private static List<List<Object>> rows(String table, Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            if (db != null) st.execute("ATTACH '" + db + "' AS local (READ_ONLY)");
            return SparkSweepJobTest.rows(st, "SELECT * FROM " + table + " ORDER BY run_id");
        }
    }
}
