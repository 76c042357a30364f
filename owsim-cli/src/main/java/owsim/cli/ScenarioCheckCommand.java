package owsim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code owsim scenario check FILE}: validates a scenario (its YAML, ranges, cross-references and
 * catalog ids) without running it; prints "ok: NAME, N labs, M segments" or the error with file:line:col.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Validate a scenario file without running it.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the scenario is valid", "2:it is not: the error names file:line:column and the field"})
final class ScenarioCheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file ('default' checks the embedded one).")
    String file;

    @Mixin CatalogOption catalog;
    @Mixin FormatOption format;

    @Override public Integer call() {
        Scenario s = ScenarioArgument.load(file, catalog.load());
        if (format.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", true);
            result.put("scenario", s.name());
            result.put("labs", s.labs().size());
            result.put("segments", s.segments().size());
            format.printJson(result);
            return Main.EXIT_OK;
        }
        spec.commandLine().getOut().println("ok: " + s.name() + ", " + count(s.labs().size(), "lab") + ", "
            + count(s.segments().size(), "segment"));
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
