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

/** owsim claims --uncertainty: killed with kill -9 and resumed, nothing lost; analyze reads the store; bad input. */
class ClaimsUncertaintyCommandTest {
    // Short runs (6 months) so the whole file takes seconds; enough worlds that the kill, at the first
    // progress line, lands mid-run.
    private static final String WORLDS = worlds("kill-claims", 5, 8);

    /** An uncertainty file of {@code runs} six-month worlds over two parameters. */
    static String worlds(String name, int rootSeed, int runs) {
        return """
            name: %s
            months: 6
            rootSeed: %d
            design: {kind: latin-hypercube, runs: %d}
            parameters:
              - path: segments[hobbyists].ecosystemWeight
                min: 0.0
                max: 0.6
              - path: technology.spilloverPerMonth
                min: 0.03
                max: 0.12
            """.formatted(name, rootSeed, runs);
    }

    /**
     * Writes {@code text} (from {@link #worlds}) to {@code dir/worlds.yaml} around the four-lab world,
     * copied beside it as its base: these tests need many short claims evaluations, not eight labs.
     */
    static Path writeWorlds(Path dir, String text) throws java.io.IOException {
        String base = Cli.fourLabsIn(dir);
        return Files.writeString(dir.resolve("worlds.yaml"), text.replaceFirst("\nmonths: ", "\nbase: " + base + "\nmonths: "));
    }

    private static final int CLAIMS = owsim.claims.Claims.all().size();
    private static final int TOTAL = 8 * CLAIMS;

    @Test
    void aKilledRunResumesToTheSameRowsAsAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        Path file = writeWorlds(tmp, WORLDS);
        Path killed = tmp.resolve("killed.duckdb");
        Path whole = tmp.resolve("whole.duckdb");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "owsim.cli.Main",
            "claims", "--uncertainty", file.toString(), "--store", killed.toString(), "--threads", "1")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Pattern progress = Pattern.compile("evaluations .*\\] +\\d+%  (\\d+)/(\\d+)  .*ETA");
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
        assertThat(seen).as("progress with ETA seen on stderr: %s", lines).isPositive();
        int stored = count(killed);
        assertThat(stored).as("evaluations committed before the kill").isGreaterThanOrEqualTo(seen).isLessThan(TOTAL);

        Cli resumed = Cli.run("claims", "--uncertainty", file.toString(), "--store", killed.toString(), "--threads", "2");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains(String.format("%,d already stored", stored))
            .contains(String.format("%,d evaluations made", TOTAL - stored));
        assertThat(resumed.out()).contains("Under uncertainty (8 worlds, latin-hypercube)");

        // --out with --threads: the reports are written after the worlds (it was refused there, after all the work).
        Cli uninterrupted = Cli.run("claims", "--uncertainty", file.toString(), "--store", whole.toString(), "--threads", "1",
            "--out", tmp.resolve("docs").toString());
        assertThat(uninterrupted.exit()).as(uninterrupted.err()).isZero();
        assertThat(tmp.resolve("docs").resolve("CLAIMS.md")).exists();
        assertThat(uninterrupted.err()).contains("Wrote CLAIMS.md, claims-uncertainty.csv and claims.html");
        // The outcome table written beside the reports renders them again byte for byte, as ClaimsTest does with the committed one.
        owsim.claims.uncertainty.UncertaintySet set = owsim.claims.uncertainty.UncertaintySet.load(file, null,
            owsim.claims.Claims.all().stream().map(owsim.claims.Claim::id).toList());
        owsim.claims.uncertainty.OutcomeTable table = owsim.claims.uncertainty.OutcomeTable.read(tmp.resolve("docs").resolve("claims-uncertainty.csv"), set);
        assertThat(table.outcomes()).hasSize(TOTAL);
        owsim.claims.uncertainty.UncertaintyReport fromCsv = owsim.claims.uncertainty.UncertaintyAnalysis.of(table);
        owsim.scenario.Scenario base = set.experiment().base();
        List<owsim.claims.ClaimResult> results = owsim.claims.Claims.evaluateAll(base, new owsim.market.aggregate.AggregateEngine(owsim.catalog.Catalog.bundled()));
        String command = ClaimsCommand.command(null, tmp.resolve("docs")) + " --uncertainty " + file.toString().replace('\\', '/');
        assertThat(Files.readString(tmp.resolve("docs").resolve("CLAIMS.md"))).isEqualTo(owsim.report.ClaimsMarkdown.render(base.name(), command, results, fromCsv));
        assertThat(Files.readString(tmp.resolve("docs").resolve("claims.html"))).isEqualTo(owsim.report.ClaimsHtml.render(base.name(), command, results, fromCsv));
        List<String> a = rows(killed);
        assertThat(a).hasSize(TOTAL).isEqualTo(rows(whole));
        for (int i = 0; i < TOTAL; i++) assertThat(a.get(i)).startsWith(i + "|" + i / CLAIMS + "|");
        assertThat(resumed.out()).isEqualTo(uninterrupted.out());

        // owsim analyze reads the store and writes the claims' report
        Cli analyze = Cli.run("analyze", whole.toString(), "--out", tmp.resolve("report").toString());
        assertThat(analyze.exit()).as(analyze.err()).isZero();
        assertThat(analyze.out()).contains("Under uncertainty (8 worlds, latin-hypercube)");
        String md = Files.readString(tmp.resolve("report/report.md"));
        assertThat(md).contains("### a under uncertainty").contains("### j under uncertainty").contains("Deciding parameters");
        assertThat(Files.readString(tmp.resolve("report/report.html"))).contains("<svg").doesNotContain("<script");

        // another number of worlds is another experiment: refused, nothing mixed
        Cli other = Cli.run("claims", "--uncertainty", file.toString(), "--worlds", "10", "--store", whole.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("holds outcomes of a different uncertainty file, number of worlds or set of claims");
    }

    @Test
    void usageErrorsNameTheOptionOrTheLine(@TempDir Path tmp) throws Exception {
        Cli noFile = Cli.run("claims", "--worlds", "8");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("--worlds: only with --uncertainty FILE");

        Path grid = tmp.resolve("grid.yaml");
        Files.writeString(grid, "name: g\nrootSeed: 1\ndesign: {kind: grid, levels: 2}\nparameters:\n  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n");
        Cli r = Cli.run("claims", "--uncertainty", grid.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(grid + ":3:").contains("design.kind: 'grid' does not sample worlds; allowed: latin-hypercube, sobol");
        assertThat(tmp.resolve("grid.duckdb")).doesNotExist();

        Path sobol = tmp.resolve("sobol.yaml");
        Files.writeString(sobol, "name: s\nrootSeed: 1\ndesign: {kind: sobol, baseRuns: 4}\nparameters:\n  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n");
        Cli s = Cli.run("claims", "--uncertainty", sobol.toString(), "--worlds", "10");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).contains("--worlds: a Sobol design makes N (k + 2) worlds, here a multiple of 3 (1 parameters); 10 is not (nearest: 9)");
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
