package owsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import owsim.scenario.Scenarios;

/**
 * owsim-core on the module path, as a library user who writes a module gets it: the README's
 * example runs (Jackson reads the default scenario and the catalog through the opened packages,
 * the requires find every library), and an internal package refuses access from outside.
 */
class ModulePathTest {
    /** The jars of owsim-core's own dependencies; anything else of the test's path stays out. */
    private static final List<String> LIBRARIES = List.of("duckdb_jdbc", "jackson-", "snakeyaml", "commons-math3");

    @Test void theReadmeExampleRunsWithTheCoreOnTheModulePath() throws IOException, InterruptedException {
        Set<String> modulePath = new LinkedHashSet<>();
        modulePath.add(Path.of("target", "classes").toAbsolutePath().toString());
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value == null) continue;
            for (String entry : value.split(File.pathSeparator)) {
                String name = Path.of(entry).getFileName().toString();
                if (name.endsWith(".jar") && LIBRARIES.stream().anyMatch(name::startsWith)) modulePath.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:off",
            "--module-path", String.join(File.pathSeparator, modulePath), "--add-modules", "owsim.core",
            "-cp", Path.of("target", "test-classes").toAbsolutePath().toString(), ModulePathMain.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String firstLab = Scenarios.defaultScenario().labs().get(0).id();
        assertThat(out).contains(firstLab + ": payoff ", "module owsim.core", "network exported false", "network refused")
            .doesNotContain("network reached");
    }
}
