package owsim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try {
            return Files.readString(FOUR_LABS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOUR_LABS + " (run from the repository's root)", e);
        }
    }

    /** The four-lab world. */
    static Scenario fourLabs() {
        return Scenarios.parse(FOUR_LABS.toString(), fourLabsYaml());
    }
}
