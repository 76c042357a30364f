package owsim.cli;

import java.util.List;
import java.util.concurrent.Callable;
import owsim.io.Suggest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code owsim help [COMMAND [SUBCOMMAND...]]}: the help of any command in the tree. picocli's own
 * help command looks one level down only, so {@code owsim help cost serve} showed {@code cost}'s help.
 */
@Command(name = "help", helpCommand = true,
    description = "Show the help of owsim or of a command, e.g. 'owsim help cost serve' (same as 'owsim cost serve --help').")
final class HelpCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command and its subcommands, as typed after 'owsim'.")
    List<String> names = List.of();

    @Override public Integer call() {
        CommandLine target = spec.commandLine().getParent();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                String where = target.getCommandSpec().qualifiedName();
                spec.commandLine().getErr().println("owsim: '" + where + "' has no command '" + name + "'"
                    + (target.getSubcommands().isEmpty() ? "" : "; did you mean: "
                        + String.join(" or ", Suggest.closest(name, target.getSubcommands().keySet(), 2)) + "?"));
                spec.commandLine().getErr().println("See '" + where + " --help'.");
                spec.commandLine().getErr().flush();
                return Main.EXIT_USAGE;
            }
            target = sub;
        }
        target.usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
