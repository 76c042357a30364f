package owsim.bench;

import java.nio.file.Path;
import owsim.io.InputFiles;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;

/**
 * The four-lab world ({@code scenarios/four-labs-2025.yaml}, the default until the eight-lab
 * landscape replaced it), on which the benchmarks' figures before the switch were measured. Read
 * from the working directory: run the benchmarks from the repository's root.
 */
final class BenchWorlds {
    private BenchWorlds() {}

    static final Path FOUR_LABS = Path.of("scenarios", "four-labs-2025.yaml");

    /** The four-lab world's text. */
    static String fourLabsYaml() {
        return InputFiles.read(FOUR_LABS);
    }

    /** The four-lab world. */
    static Scenario fourLabs() {
        return Scenarios.load(FOUR_LABS);
    }
}
