package owsim.cli;

import java.io.PrintWriter;
import owsim.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code owsim} command: one subcommand per job; exit 0 success, 2 usage error, 1 otherwise. */
@Command(name = "owsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "The open-weights economy simulator.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given writers; tests call this. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Object sub : Commands.all()) cl.addSubcommand(sub);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof InputException || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("owsim: " + ex.getMessage());
                return EXIT_USAGE;
            }
            cmd.getErr().println("owsim: " + ex);
            return EXIT_FAILURE;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("owsim: " + ex.getMessage());
            ex.getCommandLine().getErr().println("See '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_USAGE;
        });
        return cl;
    }

    /** owsim's version from the jar manifest, or "dev" when run from classes (tests, IDE). */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"owsim " + version()};
        }
    }
}
