package owsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code owsim calibrate}: bad input exits 2 naming file, line and field; a small fit writes its files and the same bytes on any thread count. */
class CalibrateCommandTest {
    static final String SMALL = """
        name: small
        rootSeed: 3
        search: {screeningRuns: 6, starts: 2, evaluationsPerStart: 10, polishEvaluations: 10}
        parameters:
          - {path: "labs[frontier-closed].brandUtility", min: 0, max: 3}
          - {path: "segments[consumers].priceWeightPerUsd", distribution: log-uniform, min: 0.05, max: 0.5}
        targets:
          - {id: users, entity: frontier-closed, metric: users, at: 2025-03, value: 4.0e8, unit: users, tolerance: 0.2, source: a test, date: 2025-03}
          - {id: paying, entity: frontier-closed, metric: users.subscription, per: users, at: 2025-03, value: 0.05, unit: share, tolerance: 0.4, use: check, source: a test, date: 2025-03}
        """;

    @Test
    void badTargetsFileExitsTwoNamingLineAndField(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("t.yaml"), SMALL.replace("metric: users, at", "metric: usr, at"));
        Cli r = Cli.run("calibrate", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("t.yaml:8:").contains("targets[0].metric: 'frontier-closed' has no series 'usr'; did you mean 'users'?");
        Cli p = Cli.run("calibrate", Files.writeString(tmp.resolve("ok.yaml"), SMALL).toString(), "--params", "labs[frontier-closed].brand");
        assertThat(p.exit()).isEqualTo(2);
        assertThat(p.err()).contains("--params: 'labs[frontier-closed].brand' has no range in the targets file");
        Cli d = Cli.run("calibrate", tmp.resolve("ok.yaml").toString(), "--doc", tmp.resolve("none.md").toString());
        assertThat(d.exit()).isEqualTo(2);
        assertThat(d.err()).contains("--doc: no file");
    }

    @Test
    void aSmallFitWritesItsFilesAndTheSameBytesOnAnyThreadCount(@TempDir Path tmp) throws Exception {
        Path f = Files.writeString(tmp.resolve("small.yaml"), SMALL);
        Path doc = Files.writeString(tmp.resolve("doc.md"), "# x\n\nbefore\n<!-- owsim calibrate: generated section begins; do not edit by hand -->\nold\n"
            + "<!-- owsim calibrate: generated section ends -->\nafter\n");
        Cli one = Cli.run("calibrate", f.toString(), "--threads", "1", "--format", "json", "--out", tmp.resolve("out").toString(), "--doc", doc.toString());
        assertThat(one.exit()).as(one.err()).isEqualTo(0);
        Cli two = Cli.run("calibrate", f.toString(), "--threads", "2", "--format", "json", "--out", tmp.resolve("out").toString(), "--doc", doc.toString());
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(one.out()).contains("\"command\"").contains("\"optimumUnit\"").contains("\"verdict\"");
        assertThat(Files.readString(tmp.resolve("out/small.fit.json"))).contains("\"hash\"");
        String md = Files.readString(tmp.resolve("out/small.md"));
        assertThat(md).contains("| users | `frontier-closed.users` | 2025-03 | 400M users |");
        String updated = Files.readString(doc);
        assertThat(updated).startsWith("# x\n\nbefore\n").endsWith("after\n").doesNotContain("\nold\n").contains(md);
        Cli table = Cli.run("calibrate", f.toString(), "--threads", "2", "--params", "labs[frontier-closed].brandUtility");
        assertThat(table.exit()).isEqualTo(0);
        assertThat(table.out()).contains("1 parameter fitted to 1 of 2 targets");
    }
}
