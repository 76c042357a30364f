package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final String BASE = """
        name: tiny
        months: 6
        rootSeed: 5
        replications: REPS
        design: DESIGN
        parameters:
          - path: technology.spilloverPerMonth
            min: 0.02
            max: 0.12
          - path: segments[developers].churnPerMonth
            min: 0.05
            max: 0.4
        metrics:
          - market.openWeightTokenShare
          - labs[open-challenger].revenueUsd
        """;

    private static Path sweep(Path tmp, String name, String design, int reps) throws Exception {
        Path exp = tmp.resolve(name + ".yaml");
        Files.writeString(exp, BASE.replace("DESIGN", design).replace("REPS", Integer.toString(reps)));
        Path db = tmp.resolve(name + ".duckdb");
        Cli r = Cli.run("sweep", exp.toString(), "--out", db.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        return db;
    }

    @Test
    void sobolResultsGiveIndicesAndAnHtmlReport(@TempDir Path tmp) throws Exception {
        Path db = sweep(tmp, "s", "{kind: sobol, baseRuns: 8}", 1);
        Cli a = Cli.run("analyze", db.toString(), "--out", tmp.resolve("rep").toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("tiny: sobol design, 32 of 32 runs stored")
            .contains("Sobol indices of market.openWeightTokenShare (N = 8")
            .contains("Sobol indices of labs[open-challenger].revenueUsd")
            .contains("segments[developers].churnPerMonth");
        // People read these numbers: money with $ and a magnitude, shares as percentages, never 1.2e+09.
        String revenueRow = a.out().lines().filter(l -> l.startsWith("labs[open-challenger].revenueUsd ")).findFirst().orElseThrow();
        assertThat(revenueRow).containsPattern("\\$[0-9.,]+[kMBT]? ");
        assertThat(a.out().lines().filter(l -> l.startsWith("market.openWeightTokenShare ")).findFirst().orElseThrow()).contains("%");
        assertThat(a.out()).doesNotContainPattern("[0-9][eE][+-]?[0-9]");
        String html = Files.readString(tmp.resolve("rep").resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Sobol indices").doesNotContain("<script");
        // S1 and ST with their intervals on a numeric axis (from 0, wide with 8 base runs), one chart per metric.
        assertThat(html.split("<svg ", -1)).hasSize(1 + 2);
        assertThat(html).contains(">S1 (first order)</text>").contains("text-anchor=\"middle\" fill=\"#333\">0</text>");
    }

    @Test
    void morrisWithReplicationsGivesEffectsAndIntervals(@TempDir Path tmp) throws Exception {
        Path db = sweep(tmp, "m", "{kind: morris, trajectories: 3}", 2);
        Cli a = Cli.run("analyze", db.toString(), "--out", tmp.resolve("rep").toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("morris design, 18 of 18 runs stored")
            .contains("Morris elementary effects of market.openWeightTokenShare").contains("mu*");
        // Per metric: mu* and sigma as bars, and the mu*-sigma scatter.
        String html = Files.readString(tmp.resolve("rep").resolve("report.html"));
        assertThat(html.split("<svg ", -1)).hasSize(1 + 2 * 2);
        assertThat(html).contains("Morris screening of market.openWeightTokenShare: μ* against σ").contains("<circle ");
    }

    @Test
    void aGridGetsAHeatMapPerMetric(@TempDir Path tmp) throws Exception {
        Path db = sweep(tmp, "g", "{kind: grid, levels: 2}", 1);
        Cli a = Cli.run("analyze", db.toString(), "--out", tmp.resolve("rep").toString());
        assertThat(a.exit()).as(a.err()).isZero();
        String html = Files.readString(tmp.resolve("rep").resolve("report.html"));
        assertThat(html.split("<svg ", -1)).hasSize(1 + 2);
        assertThat(html).contains("<h2>Grid: market.openWeightTokenShare</h2>").contains(">rows: technology.spilloverPerMonth</text>")
            .contains(">segments[developers].churnPerMonth</text>").contains("% (1)</text>");
    }

    @Test
    void tornadoResultsGiveSwingsPerParameter(@TempDir Path tmp) throws Exception {
        Path db = sweep(tmp, "t", "{kind: tornado}", 1);
        Cli a = Cli.run("analyze", db.toString(), "--out", tmp.resolve("rep").toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(a.out()).contains("tornado design, 5 of 5 runs stored")
            .contains("Tornado of market.openWeightTokenShare").contains("swing");
        assertThat(Files.readString(tmp.resolve("rep").resolve("report.html"))).contains("Tornado: market.openWeightTokenShare");
    }

    @Test
    void aMissingFileIsAUsageError(@TempDir Path tmp) {
        Cli a = Cli.run("analyze", tmp.resolve("none.duckdb").toString());
        assertThat(a.exit()).isEqualTo(2);
        assertThat(a.err()).contains("no results file");
    }

    @Test
    void aReportPathThatIsADirectoryChangesNothing(@TempDir Path tmp) throws Exception {
        Path db = sweep(tmp, "t", "{kind: tornado}", 1);
        Path rep = tmp.resolve("rep");
        Files.createDirectories(rep.resolve("report.html"));
        Files.writeString(rep.resolve("report.txt"), "earlier report\n");
        Cli a = Cli.run("analyze", db.toString(), "--out", rep.toString());
        assertThat(a.exit()).isEqualTo(2);
        assertThat(a.err()).contains("--out: cannot write to '" + rep + "': '" + rep.resolve("report.html") + "' is a directory");
        assertThat(Files.readString(rep.resolve("report.txt"))).isEqualTo("earlier report\n");
        assertThat(Cli.run("analyze", db.toString(), "--out=").err()).contains("--out: is empty");
    }
}
