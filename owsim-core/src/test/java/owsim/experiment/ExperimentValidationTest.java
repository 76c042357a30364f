package owsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.scenario.Scenarios;

/** An experiment is checked whole before its first run: ranges, metrics, sizes and the files it names. */
class ExperimentValidationTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static String experiment(String design, String parameter, String extra) {
        return "name: t\nrootSeed: 3\nmonths: 6\n" + extra + "design: " + design + "\nparameters:\n" + parameter;
    }

    private static final String SPILLOVER = "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 0.1\n";

    @Test
    void aRangeTheScenarioRefusesFailsAtLoadAtTheParametersLine() throws Exception {
        Path f = write("range.yaml", experiment("{kind: grid, levels: 5}",
            "  - path: technology.spilloverPerMonth\n    min: 0.02\n    max: 5\n", ""));
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith(f + ":8:5: parameters[0].max: 5 is not allowed for technology.spilloverPerMonth: ")
            .hasMessageContaining("must be between 0 and 1");
    }

    @Test
    void anEmptyListItemIsAnErrorNamingTheItemNotANullPointer() throws Exception {
        Path f = write("empty.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER + "  - null\n", ""));
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith(f + ":")
            .hasMessageContaining("parameters: entry 2 is empty")
            .hasMessageNotContaining("NullPointerException");
        Path m = write("metric.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER, "metrics:\n  - null\n"));
        assertThatThrownBy(() -> Experiments.load(m)).isInstanceOf(InputException.class).hasMessageContaining("metrics: entry 1 is empty");
    }

    @Test
    void aDiscreteLevelTheScenarioRefusesNamesTheLevel() throws Exception {
        Path f = write("levels.yaml", experiment("{kind: grid, levels: 2}",
            "  - path: technology.spilloverPerMonth\n    distribution: discrete\n    levels: [0.1, -1]\n", ""));
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith(f + ":")
            .hasMessageContaining("parameters[0].levels[1]: -1 is not allowed for technology.spilloverPerMonth");
    }

    @Test
    void aCsvValueTheScenarioRefusesStopsTheSweepBeforeItsFirstRun() throws Exception {
        write("points.csv", "technology.spilloverPerMonth\n0.05\n3\n");
        Path f = write("csv.yaml", "name: t\nrootSeed: 3\nmonths: 6\ndesign: {kind: csv, file: points.csv}\nparameters:\n"
            + "  - path: technology.spilloverPerMonth\n    min: 0\n    max: 1\n");
        // The csv range check (0..1 declared) catches 3 at load; a declared range wider than the
        // scenario allows is caught by the endpoints; a value allowed alone is caught per point:
        assertThatThrownBy(() -> Experiments.load(f)).isInstanceOf(InputException.class).hasMessageContaining("points.csv:3:");
    }

    @Test
    void everyDesignPointIsBuiltBeforeTheFirstRun() throws Exception {
        // A whole-number field swept over a continuous range: the ends are whole, the middle is not.
        Path f = write("whole.yaml", experiment("{kind: grid, levels: 5}",
            "  - path: labs[open-challenger].releaseEveryMonths\n    min: 3\n    max: 12\n", ""));
        Experiment e = Experiments.load(f);
        ExperimentRunner runner = new ExperimentRunner(e, Catalog.bundled());
        assertThatThrownBy(runner::checkDesign)
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith(f + ": design: design point 1 (labs[open-challenger].releaseEveryMonths = 5.25) is not a valid scenario: ")
            .hasMessageContaining("whole number");
    }

    @Test
    void theCheckOnManyThreadsNamesTheFirstPointThatFails() throws Exception {
        // 3, 3.75, 4.5, ... 12: every odd point is a fraction for a whole-number field, so the
        // threads find failures in many chunks; the one named is the first in design order.
        Path f = write("whole13.yaml", experiment("{kind: grid, levels: 13}",
            "  - path: labs[open-challenger].releaseEveryMonths\n    min: 3\n    max: 12\n", ""));
        Experiment e = Experiments.load(f);
        for (int attempt = 0; attempt < 10; attempt++) {
            for (int threads : new int[] {2, 4}) {
                ExperimentRunner runner = new ExperimentRunner(e, Catalog.bundled());
                assertThatThrownBy(() -> runner.checkDesign(threads, ExperimentRunner.KEEP_CHECKED_LIMIT, 1))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(f + ": design: design point 1 (labs[open-challenger].releaseEveryMonths = 3.75) is not a valid scenario: ");
                assertThat(runner.usesCheckedScenarios()).isFalse();
            }
        }
    }

    @Test
    void aDuplicatedMetricIsRefusedAtItsLine() throws Exception {
        Path f = write("dup.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER,
            "metrics:\n  - market.openWeightTokenShare\n  - market.openWeightTokenShare\n"));
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessage(f + ":6:5: metrics[1]: 'market.openWeightTokenShare' is listed twice; each metric is one results column");
    }

    @Test
    void runsBeyondTheLimitAreRefusedNamingTheField() throws Exception {
        Path f = write("huge.yaml", experiment("{kind: latin-hypercube, runs: 200000000}", SPILLOVER, ""));
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith(f + ":")
            .hasMessageContaining("design.runs: 200,000,000 design points, above the limit of 1,000,000 per experiment");
        Path g = write("grid.yaml", experiment("{kind: grid, levels: 10000}",
            SPILLOVER + "  - path: technology.trainingMfu\n    min: 0.2\n    max: 0.5\n", ""));
        assertThatThrownBy(() -> Experiments.load(g)).hasMessageContaining("design.levels: 100,000,000 design points");
        Path r = write("reps.yaml", experiment("{kind: latin-hypercube, runs: 1000000}", SPILLOVER, "replications: 100\n"));
        assertThatThrownBy(() -> Experiments.load(r))
            .hasMessageContaining("replications: 1,000,000 design points x 100 replications is above the limit of 10,000,000 runs");
    }

    @Test
    void morrisCandidatesAreLimited() throws Exception {
        Path f = write("morris.yaml", experiment("{kind: morris, trajectories: 10, candidates: 100000}", SPILLOVER, ""));
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("design.candidates: must be at most 1000 (the selection compares every pair of candidates), was 100000");
    }

    @Test
    void aBaseOutsideTheExperimentsFolderIsRefused() throws Exception {
        Path outside = dir.resolve("secret.yaml");
        Files.writeString(outside, "top secret line\n");
        Path f = write("sub/exp.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER, "base: ../secret.yaml\n"));
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessage(f + ":4:1: base: '../secret.yaml' is outside the experiment file's folder; a base scenario must be in that folder or below it");
        Path abs = write("sub/abs.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER, "base: " + outside + "\n"));
        assertThatThrownBy(() -> Experiments.load(abs)).hasMessageContaining("is outside the experiment file's folder");
    }

    @Test
    void aBaseGivenOnTheCommandLineMayBeAnywhereAndReplacesTheFilesOwn() throws Exception {
        // The user's own base (owsim sweep EXP --base FILE), outside the experiment's folder, its spillover changed.
        String text = Scenarios.defaultYaml().replaceFirst("spilloverPerMonth: [0-9.eE+-]+", "spilloverPerMonth: 0.07");
        assertThat(text).isNotEqualTo(Scenarios.defaultYaml());
        Path base = write("elsewhere/base.yaml", text);
        Path f = write("sub/exp.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER, "base: ../secret.yaml\n"));
        Experiment e = Experiments.load(f, base);
        assertThat(e.baseHash()).isEqualTo(Experiments.sha256(text));
        assertThat(e.base().technology().spilloverPerMonth()).isEqualTo(0.07);
        assertThat(e.base().run().months()).as("the experiment's months still apply").isEqualTo(6);
        Path g = write("sub/default.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER, ""));
        assertThat(Experiments.load(g, base).baseHash()).isEqualTo(e.baseHash()).isNotEqualTo(Experiments.load(g).baseHash());
    }

    @Test
    void aMissingOrInvalidCommandLineBaseIsRefusedNamingItsFile() throws Exception {
        Path f = write("exp.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER, ""));
        assertThatThrownBy(() -> Experiments.load(f, dir.resolve("nothing.yaml")))
            .isInstanceOf(InputException.class)
            .hasMessage("--base: no scenario file '" + dir.resolve("nothing.yaml") + "'");
        assertThatThrownBy(() -> Experiments.load(f, dir)).hasMessageContaining("(that is a folder)");
        Path bad = write("bad.yaml", "run:\n  months: 12.5\n");
        assertThatThrownBy(() -> Experiments.load(f, bad))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith(bad + ":2:");
    }

    @Test
    void aLinkOutOfTheFolderIsRefused() throws Exception {
        Path outside = dir.resolve("points.csv");
        Files.writeString(outside, "technology.spilloverPerMonth\n0.05\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("sub/points.csv"), outside);
        Path f = write("sub/exp.yaml", "name: t\nrootSeed: 3\ndesign: {kind: csv, file: points.csv}\nparameters:\n" + SPILLOVER);
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("design.file: 'points.csv' is outside the experiment file's folder; a csv sample file must be in that folder");
    }

    @Test
    void aFileOfTheWrongKindIsNotEchoed() throws Exception {
        write("notes.yaml", "root:x:0:0:root:/root:/bin/bash\n");
        Path f = write("exp.yaml", experiment("{kind: grid, levels: 2}", SPILLOVER, "base: notes.yaml\n"));
        assertThatThrownBy(() -> Experiments.load(f))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("notes.yaml:1:1: expected a mapping (Scenario) at the top level; this is not a Scenario file")
            .hasMessageNotContaining("root:x");
        write("notes.csv", "root:x:0:0:root:/root:/bin/bash\n");
        Path g = write("csv.yaml", "name: t\nrootSeed: 3\ndesign: {kind: csv, file: notes.csv}\nparameters:\n" + SPILLOVER);
        assertThatThrownBy(() -> Experiments.load(g))
            .isInstanceOf(InputException.class)
            .hasMessageContaining("notes.csv:1:1: column 1 of the header is not a scenario path")
            .hasMessageNotContaining("root:x");
    }
}
