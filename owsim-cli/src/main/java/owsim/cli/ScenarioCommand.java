package owsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code owsim scenario}: look at and check scenario files without running them. */
@Command(name = "scenario", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Show the embedded default scenario, or check a scenario file without running it.",
    subcommands = {ScenarioShowCommand.class, ScenarioCheckCommand.class})
final class ScenarioCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** Without a subcommand there is nothing to do: say what there is. */
    @Override public Integer call() {
        spec.commandLine().getErr().println("owsim scenario: name a subcommand: show or check");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }
}
