package owsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.catalog.Catalog;
import owsim.experiment.store.ResultStore;
import owsim.io.InputException;
import owsim.market.RunResult;
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.progress.ProgressListener;

class ExperimentsTest {
    private static final Path DIR = Path.of("..", "experiments");
    private static final Catalog CATALOG = Catalog.bundled();

    private static final String GOOD = """
        name: t
        months: 6
        rootSeed: 3
        replications: 2
        design: {kind: grid, levels: 2}
        parameters:
          - path: technology.spilloverPerMonth
            min: 0.02
            max: 0.1
        metrics:
          - market.openWeightTokenShare
          - labs[open-challenger].payoff
          - labs[app-giant].users.free
        """;

    private static Experiment parse(String text) {
        return Experiments.parse("x.yaml", text, Path.of("."));
    }

    @Test
    void everyExampleLoadsAndItsFirstRunsRun() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("small-grid.yaml", "sobol-five.yaml", "morris-screen.yaml",
            "claims-uncertainty.yaml", "four-labs-uncertainty.yaml");
        for (Path f : files) {
            // The four-lab world's uncertainty file samples fields only the four-lab world has: it is read around it, as
            // the claims command's SCENARIO (or sweep --base) reads it, that world sitting outside experiments/.
            Path base = f.getFileName().toString().equals("four-labs-uncertainty.yaml") ? owsim.scenario.TestWorlds.FOUR_LABS_FILE : null;
            Experiment e = Experiments.load(f, base);
            ExperimentRunner r = new ExperimentRunner(e, CATALOG);
            assertThat(r.totalRuns()).isEqualTo((int) e.design().runCount(e.parameters()) * e.replications());
            for (int id = 0; id < 2; id++) {
                RunOutput o = r.run(id);
                for (double v : o.metrics()) assertThat(v).as(f + " run " + id).isFinite();
            }
        }
        assertThat(new ExperimentRunner(Experiments.load(DIR.resolve("sobol-five.yaml")), CATALOG).totalRuns()).isEqualTo(64 * 7);
    }

    @Test
    void runsUseTheScenariosTheCheckBuiltAndGiveTheSameFigures() {
        Experiment e = parse(GOOD.replace("levels: 2", "levels: 3"));
        ExperimentRunner built = new ExperimentRunner(e, CATALOG);
        ExperimentRunner checked = new ExperimentRunner(e, CATALOG);
        checked.checkDesign();
        assertThat(built.usesCheckedScenarios()).isFalse();
        assertThat(checked.usesCheckedScenarios()).isTrue();
        for (int id = 0; id < checked.totalRuns(); id++) {
            RunOutput a = built.run(id);
            RunOutput b = checked.run(id);
            assertThat(b.seed()).isEqualTo(a.seed());
            assertThat(b.parameters()).containsExactly(a.parameters());
            assertThat(b.metrics()).as("run %d", id).containsExactly(a.metrics());
        }
        // A design too big to keep (here: above a limit of 2 points x parameters) is checked the
        // same way, and its runs build their points again.
        ExperimentRunner large = new ExperimentRunner(e, CATALOG);
        large.checkDesign(1, 2, ExperimentRunner.CHECK_CHUNK);
        assertThat(large.usesCheckedScenarios()).isFalse();
        assertThat(large.run(3).metrics()).containsExactly(built.run(3).metrics());
    }

    @Test
    void theCheckKeepsTheSameScenariosOnAnyNumberOfThreads() {
        Experiment e = parse(GOOD.replace("levels: 2", "levels: 9"));
        ExperimentRunner one = new ExperimentRunner(e, CATALOG);
        one.checkDesign(1);
        int rows = one.matrix().runs();
        assertThat(rows).isEqualTo(9);
        // Chunks of one and two points, so that every thread checks some and they interleave.
        for (int threads : new int[] {2, 3, 16}) {
            for (int chunk : new int[] {1, 2, ExperimentRunner.CHECK_CHUNK}) {
                ExperimentRunner many = new ExperimentRunner(e, CATALOG);
                many.checkDesign(threads, ExperimentRunner.KEEP_CHECKED_LIMIT, chunk);
                assertThat(many.usesCheckedScenarios()).isTrue();
                for (int row = 0; row < rows; row++) {
                    assertThat(many.checkedScenario(row)).as("%d threads, chunk %d, row %d", threads, chunk, row)
                        .isNotNull().isEqualTo(one.checkedScenario(row));
                }
                assertThat(many.run(rows - 1).metrics()).containsExactly(one.run(rows - 1).metrics());
            }
        }
    }

    @Test
    void runsApplyTheirPointAndSeed() {
        Experiment e = parse(GOOD);
        assertThat(e.base().months()).isEqualTo(6);
        ExperimentRunner r = new ExperimentRunner(e, CATALOG);
        assertThat(r.totalRuns()).isEqualTo(4);
        RunOutput low = r.run(0);
        RunOutput high = r.run(2);
        assertThat(low.row()).isZero();
        assertThat(high.row()).isEqualTo(1);
        assertThat(r.run(1).replication()).isEqualTo(1);
        assertThat(low.parameters()[0]).isEqualTo(0.02);
        assertThat(high.parameters()[0]).isEqualTo(0.1);
        assertThat(low.seed()).isNotEqualTo(r.run(1).seed());
        // the same run twice gives the same numbers
        assertThat(r.run(2).metrics()).containsExactly(high.metrics());
    }

    @Test
    void agentRunsAreTheAgentEngineOnTheRunsSeedAndDependOnIt() {
        Experiment e = parse(GOOD.replace("rootSeed: 3", "rootSeed: 3\nengine: agent\nusers: 2000"));
        assertThat(e.spec().users()).isEqualTo(2000);
        ExperimentRunner r = new ExperimentRunner(e, CATALOG);
        RunOutput first = r.run(0);
        RunOutput second = r.run(1);
        Scenario s = new ScenarioOverrides().apply(e.base(), "technology.spilloverPerMonth", first.parameters()[0]).withSeed(first.seed());
        RunResult direct = new AgentEngine(CATALOG).run(s, AgentOptions.of(2000));
        assertThat(first.metrics()[0]).isEqualTo(e.metrics().get(0).value(direct));
        // Replications of one point differ (own seeds); the same run twice does not.
        assertThat(second.metrics()).isNotEqualTo(first.metrics());
        assertThat(r.run(0).metrics()).containsExactly(first.metrics());
        assertThat(parse(GOOD.replace("rootSeed: 3", "rootSeed: 3\nengine: agent")).spec().users()).isEqualTo(ExperimentSpec.DEFAULT_AGENT_USERS);
    }

    @Test
    void errorsNameFileLineAndField() {
        assertThatThrownBy(() -> parse(GOOD.replace("technology.spilloverPerMonth", "technology.spilloverPerMnth")))
            .isInstanceOf(InputException.class)
            .hasMessageStartingWith("x.yaml:7:")
            .hasMessageContaining("did you mean 'spilloverPerMonth'?");
        assertThatThrownBy(() -> parse(GOOD.replace("max: 0.1", "max: 0.01")))
            .hasMessageStartingWith("x.yaml:").hasMessageContaining("max: must be greater than min");
        assertThatThrownBy(() -> parse(GOOD.replace("kind: grid", "kind: gird")))
            .hasMessageContaining("design.kind").hasMessageContaining("allowed: grid, latin-hypercube, sobol, morris, csv");
        assertThatThrownBy(() -> parse(GOOD.replace("rootSeed: 3", "rootSeed: 3\nengine: agents")))
            .hasMessageStartingWith("x.yaml:4:").hasMessageContaining("engine: must be 'aggregate' or 'agent'");
        assertThatThrownBy(() -> parse(GOOD.replace("rootSeed: 3", "rootSeed: 3\nusers: 1000")))
            .hasMessageStartingWith("x.yaml:4:").hasMessageContaining("users: only for engine: agent");
        assertThatThrownBy(() -> parse(GOOD.replace("rootSeed: 3", "rootSeed: 3\nengine: agent\nusers: 0")))
            .hasMessageContaining("users: must be 1..100000000");
        assertThatThrownBy(() -> parse(GOOD.replace("labs[app-giant].users.free", "labs[app-gaint].payoff")))
            .hasMessageStartingWith("x.yaml:13:5:").hasMessageContaining("did you mean 'app-giant'?"); // the metric's own line
        assertThatThrownBy(() -> parse(GOOD.replace("months: 6", "monhts: 6")))
            .hasMessageStartingWith("x.yaml:2:").hasMessageContaining("did you mean 'months'");
    }

    @Test
    void storeResumesTheSameExperimentAndRefusesAnother(@TempDir Path tmp) throws Exception {
        Experiment e = parse(GOOD);
        ExperimentRunner r = new ExperimentRunner(e, CATALOG);
        Path db = tmp.resolve("r.duckdb");
        try (ResultStore s = ResultStore.open(db)) {
            s.begin(e, "test");
            s.write(List.of(r.run(1), r.run(3)));
        }
        List<Integer> made = new ArrayList<>();
        try (ResultStore s = ResultStore.open(db)) {
            s.begin(e, "test");
            BitSet done = s.storedRunIds();
            assertThat(done.cardinality()).isEqualTo(2);
            int n = Sweep.run(r, done, 2, runs -> { runs.forEach(o -> made.add(o.runId())); s.write(runs); }, ProgressListener.NONE);
            assertThat(n).isEqualTo(2);
            assertThat(made).containsExactlyInAnyOrder(0, 2);
            assertThat(s.runCount()).isEqualTo(4);
            assertThat(s.column("in:technology.spilloverPerMonth")).containsExactly(0.02, 0.02, 0.1, 0.1);
            assertThat(s.column("out:market.openWeightTokenShare")[2]).isEqualTo(r.run(2).metrics()[0]);
            Path csv = tmp.resolve("r.csv");
            s.export(csv, false, false);
            assertThat(Files.readAllLines(csv)).hasSize(5).first().asString().startsWith("run_id,design_row,replication,\"seed\",");
        }
        Experiment other = parse(GOOD.replace("rootSeed: 3", "rootSeed: 4"));
        try (ResultStore s = ResultStore.open(db)) {
            assertThatThrownBy(() -> s.begin(other, "test")).isInstanceOf(InputException.class)
                .hasMessageContaining("holds results of a different experiment file");
        }
    }
}
