package owsim.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code owsim} command: one subcommand per job; exit 0 success, 2 usage error, 1 otherwise. */
@Command(name = "owsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "The open-weights economy simulator.",
    footerHeading = "%n", footer = {"Every command takes --help; 'owsim help COMMAND [SUBCOMMAND]' shows the same.",
        "Set " + Failures.DEBUG_VARIABLE + "=1 to see the stack trace of a failure."})
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        boolean debug = Failures.debugFromEnvironment();
        PrintWriter err = new PrintWriter(System.err, true);
        // A thread the command starts (a pump, a worker) that dies prints one line, not a trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, t) -> Failures.report(t, null, err, debug));
        System.exit(execute(commandLine(args), args, new PrintWriter(System.out, true), err, debug));
    }

    /** Runs one command line with the given writers; tests call this. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(commandLine(args), args, out, err, false);
    }

    /**
     * Runs one command line on a command tree. Every failure, Errors included, becomes an exit
     * code and one line on {@code err} (see {@link Failures}).
     */
    static int execute(CommandLine cl, String[] args, PrintWriter out, PrintWriter err, boolean debug) {
        return execute(cl, args, out, err, debug, t -> { });
    }

    /**
     * As {@link #execute(CommandLine, String[], PrintWriter, PrintWriter, boolean)}, also handing
     * the failure (a bad option, bad input, anything thrown) to {@code failed} before it is reported:
     * the web app names the field from it.
     */
    static int execute(CommandLine cl, String[] args, PrintWriter out, PrintWriter err, boolean debug,
                       java.util.function.Consumer<Throwable> failed) {
        cl.setOut(out);
        cl.setErr(err);
        // picocli hands Exceptions to the execution exception handler but lets Errors (out of
        // memory, stack overflow) through; this strategy catches both with the failing command known.
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cl.setExecutionStrategy(parseResult -> {
            try {
                return runLast.execute(parseResult);
            } catch (CommandLine.ParameterException e) {
                throw e;
            } catch (CommandLine.ExecutionException e) {
                failed.accept(e);
                return Failures.report(e, e.getCommandLine(), err, debug);
            } catch (Throwable t) { // OutOfMemoryError and kin: reported, never a trace
                failed.accept(t);
                return Failures.report(t, last(parseResult), err, debug);
            }
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            failed.accept(ex);
            return Failures.report(ex, cmd, err, debug);
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            failed.accept(ex);
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("owsim: " + ex.getMessage());
            Mistyped.suggest(ex, cmd.getErr());
            cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            cmd.getErr().flush();
            return EXIT_USAGE;
        });
        try {
            return cl.execute(args);
        } catch (Throwable t) { // parsing itself failed (e.g. out of memory on a huge @file)
            failed.accept(t);
            return Failures.report(t, null, err, debug);
        }
    }

    private static CommandLine last(CommandLine.ParseResult p) {
        CommandLine.ParseResult r = p;
        while (r.subcommand() != null) r = r.subcommand();
        return r.commandSpec().commandLine();
    }

    /** The whole command tree: every command and subcommand takes --help and --version. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(new HelpCommand());
        for (Object sub : Commands.all()) cl.addSubcommand(sub);
        cl.addSubcommand("completion", completion());
        return configured(cl);
    }

    /**
     * The tree this command line needs: when it starts with a command's name, the root with that
     * command alone (what follows the name can only reach that command's own subtree, so parsing,
     * help, errors and suggestions are the same; a test compares them), else the whole tree (the
     * root's help, 'help', 'completion', suggestions for a mistyped command).
     */
    static CommandLine commandLine(String[] args) {
        Object only = args.length == 0 ? null : Commands.named(args[0]);
        if (only == null) return commandLine();
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(only);
        return configured(cl);
    }

    static CommandLine configured(CommandLine cl) {
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        standardOptions(cl);
        return cl;
    }

    /** picocli's generator of a bash (and zsh) completion script for this command tree. */
    private static CommandLine completion() {
        CommandLine c = new CommandLine(new AutoComplete.GenerateCompletion());
        c.getCommandSpec().name("completion");
        c.getCommandSpec().usageMessage().description(
            "Print a bash/zsh completion script for owsim (commands, options, formats).",
            "Load it in the current shell with: source <(owsim completion)",
            "or save it once: owsim completion > ~/.owsim-completion.bash and source that file from ~/.bashrc or ~/.zshrc.");
        return c;
    }

    private static void standardOptions(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        if (spec.optionsMap().get("--help") == null) spec.mixinStandardHelpOptions(true);
        if (spec.versionProvider() == null || spec.version().length == 0) spec.versionProvider(new Version());
        for (CommandLine sub : cl.getSubcommands().values()) standardOptions(sub);
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
