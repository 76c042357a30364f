package owsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code owsim catalog}: list, show and import models and accelerators. */
@Command(name = "catalog", description = "Models and accelerators: list them, show one, import a Hugging Face config.",
    subcommands = {CatalogListCommand.class, CatalogShowCommand.class, CatalogImportHfCommand.class})
final class CatalogCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override public Integer call() {
        // A bare 'owsim catalog' names no job: show what it can do and call it a usage error.
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.EXIT_USAGE;
    }
}
