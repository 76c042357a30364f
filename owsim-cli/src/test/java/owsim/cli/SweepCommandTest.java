package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    // Long enough (seconds on one thread) that the kill, sent at the first progress line (after
    // the bar's quiet first second), lands mid-sweep: 120 runs of 12 months once finished before it
    // arrived, while kills of a 1,000-run sweep landed 3 to 35 runs in (docs/RELIABILITY.md).
    // On the four-lab world (copied beside the file): the test needs many runs, not eight labs.
    private static final String EXPERIMENT = """
        name: kill-test
        base: four-labs-2025.yaml
        months: 36
        rootSeed: 99
        replications: 2
        design: {kind: latin-hypercube, runs: 200}
        parameters:
          - path: technology.spilloverPerMonth
            min: 0.02
            max: 0.12
          - path: labs[open-challenger].researchers
            distribution: log-uniform
            min: 100
            max: 1000
        metrics:
          - market.openWeightTokenShare
          - labs[open-challenger].payoff
        """;
    private static final int TOTAL = 400;

    @Test
    void aKilledSweepResumesToTheSameRowsAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("kill.yaml");
        Files.writeString(exp, EXPERIMENT);
        Cli.fourLabsIn(tmp);
        Path killed = tmp.resolve("killed.duckdb");
        Path whole = tmp.resolve("whole.duckdb");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "owsim.cli.Main",
            "sweep", exp.toString(), "--out", killed.toString(), "--threads", "1")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Pattern progress = Pattern.compile("\\] +\\d+%  (\\d+)/(\\d+)  ");
        int seen = -1;
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                Matcher m = progress.matcher(line);
                if (m.find() && Integer.parseInt(m.group(1)) > 0) {
                    seen = Integer.parseInt(m.group(1));
                    break;
                }
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(seen).as("progress seen on stderr: %s", lines).isPositive();
        int stored = count(killed);
        assertThat(stored).as("runs committed before the kill").isGreaterThanOrEqualTo(seen).isLessThan(TOTAL);
        // For docs/RELIABILITY.md's figures: where this repetition's kill landed.
        System.out.printf("kill-test: killed at progress %d, %d of %d runs stored%n", seen, stored, TOTAL);

        Cli resumed = Cli.run("sweep", exp.toString(), "--out", killed.toString(), "--threads", "2");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains(String.format("%,d already stored", stored));
        assertThat(resumed.out()).contains(String.format("%,d runs made, %,d stored of %,d", TOTAL - stored, TOTAL, TOTAL));

        Cli uninterrupted = Cli.run("sweep", exp.toString(), "--out", whole.toString(), "--threads", "1");
        assertThat(uninterrupted.exit()).as(uninterrupted.err()).isZero();

        List<String> a = rows(killed);
        List<String> b = rows(whole);
        assertThat(a).hasSize(TOTAL).isEqualTo(b);
        for (int i = 0; i < TOTAL; i++) assertThat(a.get(i)).startsWith(i + "|");

        // a second resume has nothing to do
        Cli again = Cli.run("sweep", exp.toString(), "--out", killed.toString());
        assertThat(again.out()).contains(String.format("0 runs made, %,d stored of %,d", TOTAL, TOTAL));
        // another experiment file is refused
        Files.writeString(exp, EXPERIMENT.replace("rootSeed: 99", "rootSeed: 98"));
        Cli other = Cli.run("sweep", exp.toString(), "--out", killed.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("holds results of a different experiment file");

        Cli csv = Cli.run("export", whole.toString(), "--csv", "--out", tmp.resolve("r.csv").toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        List<String> csvLines = Files.readAllLines(tmp.resolve("r.csv"));
        assertThat(csvLines).hasSize(TOTAL + 1);
        assertThat(csvLines.get(0)).startsWith("run_id,design_row,replication,\"seed\",in_technology_spilloverPerMonth");
        Cli parquet = Cli.run("export", whole.toString(), "--parquet");
        assertThat(parquet.exit()).as(parquet.err()).isZero();
        assertThat(tmp.resolve("whole.parquet")).exists();
    }

    @Test
    void anInvalidDesignPointStopsTheSweepBeforeItStoresAnything(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("whole.yaml");
        // The grid's ends (3 and 12) are whole months; its inner points (5.25, ...) are not.
        Files.writeString(exp, "name: t\nrootSeed: 1\nmonths: 3\ndesign: {kind: grid, levels: 5}\nparameters:\n"
            + "  - path: labs[open-challenger].releaseEveryMonths\n    min: 3\n    max: 12\n");
        Cli r = Cli.run("sweep", exp.toString(), "--threads", "1");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("owsim: " + exp + ": design: design point 1 (labs[open-challenger].releaseEveryMonths = 5.25)");
        assertThat(tmp.resolve("whole.duckdb")).doesNotExist();
    }

    @Test
    void aBaseGivenWithBaseMayLieOutsideTheExperimentsFolderAndMustBeGivenAgainToResume(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("mine/base.yaml");
        Files.createDirectories(base.getParent());
        Files.writeString(base, owsim.scenario.Scenarios.defaultYaml().replaceFirst("spilloverPerMonth: [0-9.]+", "spilloverPerMonth: 0.07"));
        Path exp = tmp.resolve("experiments/exp.yaml");
        Files.createDirectories(exp.getParent());
        Files.writeString(exp, "name: t\nbase: ../mine/base.yaml\nrootSeed: 1\nmonths: 3\ndesign: {kind: grid, levels: 2}\nparameters:\n"
            + "  - path: technology.algorithmicProgressPerYear\n    min: 2\n    max: 3\n");
        Cli refused = Cli.run("sweep", exp.toString(), "--threads", "1");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("base: '../mine/base.yaml' is outside the experiment file's folder");

        Cli r = Cli.run("sweep", exp.toString(), "--base", base.toString(), "--threads", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("2 runs made, 2 stored of 2");
        Cli missing = Cli.run("sweep", exp.toString(), "--threads", "1", "--base", tmp.resolve("missing.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("owsim: --base: no scenario file '" + tmp.resolve("missing.yaml") + "'\n");
        Files.writeString(tmp.resolve("other.yaml"), owsim.scenario.Scenarios.defaultYaml());
        Cli other = Cli.run("sweep", exp.toString(), "--threads", "1", "--base", tmp.resolve("other.yaml").toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("was written with a different base scenario").contains("the same --base");
        Cli again = Cli.run("sweep", exp.toString(), "--base", base.toString(), "--threads", "1");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("0 runs made, 2 stored of 2");
    }

    @Test
    void agentUsersTimesThreadsBeyondTheHeapAreRefusedAtTheUsersLine(@TempDir Path tmp) throws Exception {
        Path exp = tmp.resolve("agents.yaml");
        Files.writeString(exp, "name: t\nrootSeed: 1\nengine: agent\nusers: 100000000\ndesign: {kind: grid, levels: 2}\nparameters:\n"
            + "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n");
        // 64 runs at once of 1e8 users: about 131 GiB.
        Cli r = Cli.run("sweep", exp.toString(), "--threads", "64");
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("owsim: " + exp + ":4:1: users: 100,000,000 users x 64 runs at once need about 95.4 GiB of heap")
            .contains("(or fewer --threads)");
        assertThat(tmp.resolve("agents.duckdb")).doesNotExist();
    }

    private static int count(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT run_id) FROM runs")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2));
            return rs.getInt(1);
        }
    }

    /** Every stored row but the version, as text, ordered by run id. */
    private static List<String> rows(Path db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * EXCLUDE (owsim_version) FROM runs ORDER BY run_id")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                out.add(sb.toString());
            }
        }
        return out;
    }

}
