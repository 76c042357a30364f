package owsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code owsim run}: the main job. Placeholder until the market simulator lands. */
@Command(name = "run", description = "Run a scenario (the embedded default if none is given).")
final class RunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override public Integer call() {
        spec.commandLine().getOut().println("owsim run: the market simulator is not built yet.");
        return Main.EXIT_OK;
    }
}
