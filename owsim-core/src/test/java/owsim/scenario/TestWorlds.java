package owsim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The four-lab world ({@code scenarios/four-labs-2025.yaml}), the default until the eight-lab 2025
 * landscape replaced it: the world the mechanism tests, the example scenarios and their pinned
 * figures were written for. Read once per test JVM (tests run from the module's folder).
 */
public final class TestWorlds {
    private TestWorlds() {}

    /** The four-lab world's file, from a module's folder. */
    public static final Path FOUR_LABS_FILE = Path.of("..", "scenarios", "four-labs-2025.yaml");
    /** The file as a command names it, from the repository's root. */
    public static final String FOUR_LABS_NAME = "scenarios/four-labs-2025.yaml";

    private static final class Holder {
        static final String YAML = read();
        static final Scenario SCENARIO = Scenarios.parse(FOUR_LABS_NAME, YAML);

        private static String read() {
            try {
                return Files.readString(FOUR_LABS_FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The four-lab world (one parse per JVM; scenarios are immutable). */
    public static Scenario fourLabs() { return Holder.SCENARIO; }

    /** The four-lab world's text. */
    public static String fourLabsYaml() { return Holder.YAML; }
}
