package owsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import owsim.experiment.Experiment;
import owsim.experiment.ExperimentRunner;
import owsim.experiment.Experiments;
import owsim.scenario.Scenarios;

/** What travels to the executors, without Spark: a base scenario given with --base goes as text. */
class ExperimentSourceTest {
    @Test
    void aBaseGivenOnTheCommandLineTravelsAsTextInPlaceOfTheExperimentsOwn(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("elsewhere/base.yaml");
        Files.createDirectories(base.getParent());
        String text = Scenarios.defaultYaml().replaceFirst("spilloverPerMonth: [0-9.]+", "spilloverPerMonth: 0.07");
        Files.writeString(base, text);
        Path exp = tmp.resolve("exp/exp.yaml");
        Files.createDirectories(exp.getParent());
        // Its own base lies outside its folder: read alone, it is refused; with --base it is not read.
        Files.writeString(exp, "name: t\nbase: ../elsewhere/base.yaml\nrootSeed: 5\nmonths: 3\ndesign: {kind: grid, levels: 2}\n"
            + "parameters:\n  - {path: technology.spilloverPerMonth, min: 0.02, max: 0.12}\n");
        Experiment e = Experiments.load(exp, base);
        ExperimentSource source = ExperimentSource.of(e, exp, base, null);
        assertThat(source.files()).isEmpty();
        assertThat(source.baseText()).isEqualTo(text);
        ExperimentRunner rebuilt = source.runner(); // throws when the hashes differ from the driver's
        assertThat(rebuilt.experiment().baseHash()).isEqualTo(Experiments.sha256(text));
        assertThat(rebuilt.run(1).metrics()).containsExactly(new ExperimentRunner(e, source.catalog()).run(1).metrics());
    }
}
