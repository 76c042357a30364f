package owsim.cli;

import java.util.concurrent.Callable;
import owsim.io.InputException;
import owsim.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim scenario show [default]}: prints the embedded default scenario as commented YAML. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Print the embedded default scenario as commented YAML: every parameter with its unit and source.",
        "Save it to a file, edit it, check it with 'owsim scenario check FILE' and run it with 'owsim run FILE'."})
final class ScenarioShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", defaultValue = ScenarioArgument.DEFAULT,
        description = "The embedded scenario to show: 'default' (also when left out).")
    String name;

    @Override public Integer call() {
        if (!name.equals(ScenarioArgument.DEFAULT)) {
            throw InputException.ofField("NAME", "the only embedded scenario is 'default', was '" + name
                + "' (to validate a file, use 'owsim scenario check FILE')");
        }
        spec.commandLine().getOut().print(Scenarios.defaultYaml());
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
