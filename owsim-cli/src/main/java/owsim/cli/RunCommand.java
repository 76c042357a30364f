package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.RunResult;
import owsim.market.agent.AgentOptions;
import owsim.report.RunFiles;
import owsim.report.SummaryTable;
import owsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code owsim run}: runs a scenario, prints a summary per lab and the market figures, and writes
 * {@code timeseries.csv}, {@code summary.json} and {@code report.html} into the output directory.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Run a scenario (the embedded default if none is given) and write its outputs.",
        "Options given here override the scenario file's values."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the run finished and its files are written",
        "1:the run or the writing of its files failed",
        "2:bad input: scenario file, option value or output directory"})
final class RunCommand implements Callable<Integer>, Failures.MemoryHint {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
        description = "Scenario YAML file, or 'default' for the embedded default world (see 'owsim scenario show default').")
    String scenario;

    @Option(names = "--months", paramLabel = "N", description = "Months to simulate (overrides run.months).")
    Integer months;

    @Option(names = "--seed", paramLabel = "S", description = "Root random seed (overrides run.seed).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "owsim-out",
        description = "Directory for timeseries.csv, summary.json and report.html (default: ${DEFAULT-VALUE}, created if missing).")
    Path out;

    @Mixin FormatOption format;

    @Mixin EngineOptions engine;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
        description = {"Set one scenario field by the path experiment files use, e.g. labs[open-challenger].researchers=400,",
            "technology.spilloverPerMonth=0.05, 'labs[frontier-closed].policy=open-delayed(6)'. Repeatable; applied together",
            "after the file and before --months and --seed, and checked as the file is (see docs/EXPERIMENTS.md)."})
    java.util.List<String> sets;

    @Mixin CatalogOption catalog;

    /** Where the web app wants the agent engine's progress (set before the call); null: the bar on standard error. */
    owsim.progress.ProgressListener progress;

    /**
     * Set by the web app: the aggregate engine its runs share for this catalog, or null for a new engine per run (the
     * command line's one run). A shared engine keeps its serving prices: pricing every release's fleets again was an
     * eighth of a fresh web run's time, and the answer depends on the models and hardware, not on the seed.
     */
    Function<Catalog, Engine> sharedAggregate;

    /** Set by the web app: the bundled default scenario, parsed once; null: parse it (see {@link ScenarioArgument}). */
    Supplier<Scenario> parsedDefault;

    /**
     * Set by the web app: receives an aggregate run's files to make when a client asks for one, instead of their
     * being written at the end of the run; null: write them now. An agent run writes them now either way (its files
     * are a small part of its time).
     */
    Consumer<Outputs> filesLater;

    /** A run's three files, made on demand with the same bytes {@link RunFiles#write} writes. */
    record Outputs(RunResult result, String owsimVersion) {
        /** The file of this name, or null for a name that is not a run output. */
        byte[] render(String name) throws IOException {
            return RunFiles.render(result, owsimVersion, name);
        }
    }

    @Override public String memoryHint() {
        return "--users or --months";
    }

    @Override public Integer call() {
        boolean json = format.json();
        boolean agent = engine.kind() == EngineKind.AGENT;
        Scenario s = ScenarioArgument.load(scenario, catalog.load(), parsedDefault);
        if (sets != null && !sets.isEmpty()) s = SetOptions.apply(s, sets, catalog.load());
        if (months != null) s = override("--months", s, sc -> sc.withMonths(months));
        if (seed != null) s = override("--seed", s, sc -> sc.withSeed(seed));
        // An empty --out= would be the current directory, which the user did not name.
        if (out.toString().isEmpty()) throw InputException.ofField("--out", "is empty; name a directory (default: owsim-out)");
        boolean later = filesLater != null && !agent;
        try {
            // Fail on a bad directory now, not after the run. (Files made later go into a directory the web app made.)
            if (!later) RunFiles.prepare(out);
        } catch (IOException e) {
            throw InputException.ofField("--out", "cannot write to '" + out + "': " + reason(e));
        }

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        RunResult result;
        Engine market = !agent && sharedAggregate != null ? sharedAggregate.apply(catalog.load()) : engine.create(catalog.load(), s, AgentOptions.DEFAULT_USERS, agent ? (progress != null ? progress : ProgressBar.onStderr(stderr, "user-months")) : null);
        try {
            result = market.run(s);
        } catch (OutOfMemoryError oom) {
            if (!agent) throw oom;
            stderr.println();
            stderr.println("owsim: not enough memory for " + engine.users(AgentOptions.DEFAULT_USERS) + " users (about 16 bytes per user,"
                + " plus 4 + 4k per user on a network of mean degree k); use fewer --users or give Java more heap (OWSIM_JAVA_OPTS=-Xmx8g)");
            stderr.flush();
            return Main.EXIT_FAILURE;
        }
        try {
            if (later) {
                filesLater.accept(new Outputs(result, Main.version()));
                if (json) format.printJson(RunFiles.summary(result, Main.version()));
                else stdout.print(SummaryTable.render(result));
                return Main.EXIT_OK;
            }
            RunFiles.write(result, Main.version(), out);
            String where = "Wrote " + RunFiles.TIMESERIES + ", " + RunFiles.SUMMARY + " and " + RunFiles.REPORT
                + " to " + out.toAbsolutePath().normalize();
            if (json) {
                // summary.json's content in the envelope every command's JSON has; the file itself is unchanged.
                format.printJson(RunFiles.summary(result, Main.version()));
                stderr.println(where);
            } else {
                stdout.print(SummaryTable.render(result));
                stderr.println(where);
            }
        } catch (IOException e) {
            stderr.println("owsim: cannot write the run's files to '" + out + "': " + reason(e));
            return Main.EXIT_FAILURE;
        } finally {
            stdout.flush();
            stderr.flush();
        }
        return Main.EXIT_OK;
    }

    /** Applies a flag's override; the scenario's own range check names the field, we name the flag. */
    static Scenario override(String option, Scenario s, java.util.function.UnaryOperator<Scenario> f) {
        try {
            return f.apply(s);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            int colon = m == null ? -1 : m.indexOf(": ");
            throw InputException.ofField(option, colon > 0 ? m.substring(colon + 2) : String.valueOf(m));
        }
    }

    /** What went wrong with a path, in words (Java's messages are often just the path). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException n) return "cannot create " + n.getFile() + " (no such file or directory)";
        if (e instanceof FileAlreadyExistsException f) {
            String obstacle = f.getFile() == null ? null : RunFiles.obstacle(Path.of(f.getFile()));
            return obstacle != null ? obstacle : "'" + f.getFile() + "' is in the way";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }
}
