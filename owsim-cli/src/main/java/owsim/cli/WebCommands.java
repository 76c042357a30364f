package owsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.market.Engine;
import owsim.market.aggregate.AggregateEngine;
import owsim.progress.ProgressListener;
import owsim.scenario.Scenario;
import owsim.scenario.Scenarios;
import owsim.serving.ServingEngine;
import owsim.web.CommandRunner;
import owsim.web.LazyFiles;
import owsim.web.Outcome;
import owsim.web.Problem;
import picocli.CommandLine;

/**
 * The commands as the web app runs them: the same command objects, parsing, checks and JSON as
 * on the command line (so the API's answer is byte for byte what {@code --format json} prints),
 * with the output captured, no @file expansion, and the failure's field handed back for the
 * client's message.
 */
final class WebCommands implements CommandRunner {
    /**
     * One serving engine for every cost answer of this server: it is safe for concurrent use, and what it remembers
     * of its layout searches makes the next answer about the same model and hardware cheap (a new engine per request
     * searched every layout again; answers are the same either way).
     */
    private final ServingEngine engine = new ServingEngine();

    /**
     * Answers an aggregate engine may remember (scaled architectures and serving prices) before it is replaced by a new
     * one. The default world's run remembers a few hundred, whatever its seed; each slider value that changes a model
     * size or the input share adds some. Assumption: about a kilobyte each, so a few tens of megabytes at most.
     */
    static final int MAX_MEMOISED = 20_000;

    /**
     * The aggregate engine the market runs of this server share (it is safe for concurrent runs): its serving prices
     * are kept from run to run, as a sweep's are. Replaced by a new engine when its catalog is not the run's, or when
     * it remembers more than {@link #maxMemoised} answers. Results are the same with a new or a used engine.
     */
    private final AtomicReference<AggregateEngine> market = new AtomicReference<>();
    private final int maxMemoised;

    /** The bundled default scenario, parsed on first use: immutable, and the same YAML on every request. */
    private volatile Scenario defaultScenario;

    WebCommands() {
        this(MAX_MEMOISED);
    }

    /** With another bound on the shared engine's memory (tests). */
    WebCommands(int maxMemoised) {
        this.maxMemoised = maxMemoised;
    }

    /**
     * The commands whose command lines a thread keeps and parses again: those answered at once, on the HTTP thread
     * (cost and catalog), and runs, on the queue's threads. Building a command line (picocli reads every annotation of
     * the tree through reflection) cost about twice as much as running a cost answer, and 25 times what the engine's
     * answer costs; for a market run with a warm shared engine, about a twentieth of the request. picocli resets every
     * option and positional to its initial value before each parse, so a kept command line answers as a new one would.
     * Their commands hold no state between runs but the shared engines; a run's progress listener and its files are
     * set again before each run. Claims and the uncertainty jobs are still built per run (they take seconds).
     */
    static final Set<String> REUSED = Set.of("cost", "catalog", "run");

    /**
     * Per thread, since a picocli command line is not safe for concurrent parses: each HTTP thread keeps one
     * command line per reused command, built on its first request. Held by this instance, so a stopped server's
     * command lines go with it.
     */
    private final ThreadLocal<Map<String, CommandLine>> kept = ThreadLocal.withInitial(HashMap::new);

    @Override public Outcome run(List<String> args, ProgressListener progress) {
        String[] a = args.toArray(String[]::new);
        if (a.length == 0) throw new IllegalArgumentException("no command " + args);
        CommandLine cl = REUSED.contains(a[0]) ? kept.get().computeIfAbsent(a[0], n -> commandLine(n, progress)) : commandLine(a[0], progress);
        LazyFiles[] files = {null};
        if (cl.getSubcommands().get(a[0]).getCommand() instanceof RunCommand r) {
            r.progress = progress;
            r.filesLater = o -> files[0] = o::render;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Throwable[] failure = {null};
        int code = Main.execute(cl, a, new PrintWriter(out), new PrintWriter(err), false, t -> failure[0] = t);
        Throwable cause = failure[0] == null ? null : Failures.unwrap(failure[0]);
        if (cause instanceof CancellationException c) throw c;
        return code == Main.EXIT_OK ? new Outcome(code, out.toString(), null, files[0]) : new Outcome(code, out.toString(), problem(cause, err.toString()));
    }

    /** The shared aggregate engine for runs in this catalog (see {@link #market}). */
    private Engine aggregate(Catalog catalog) {
        AggregateEngine e = market.get();
        if (e == null || e.catalog() != catalog || e.memoised() > maxMemoised) {
            AggregateEngine fresh = new AggregateEngine(catalog);
            // Two runs that both find it stale may both make one; either serves, and the other is dropped with its run.
            e = market.compareAndSet(e, fresh) ? fresh : Objects.requireNonNullElse(market.get(), fresh);
            if (e.catalog() != catalog) e = fresh;
        }
        return e;
    }

    private Scenario bundledDefault() {
        Scenario s = defaultScenario;
        if (s == null) defaultScenario = s = Scenarios.defaultScenario();
        return s;
    }

    /** How many answers the shared aggregate engine remembers now (0 before the first run; tests). */
    int memoised() {
        AggregateEngine e = market.get();
        return e == null ? 0 : e.memoised();
    }

    /** A command line of the root and the one command named, as the command line builds it for that command. */
    private CommandLine commandLine(String name, ProgressListener progress) {
        Object command = Commands.named(name);
        if (command == null) throw new IllegalArgumentException("no command " + name);
        if (command instanceof RunCommand r) {
            r.sharedAggregate = this::aggregate;
            r.parsedDefault = this::bundledDefault;
        }
        if (command instanceof ClaimsCommand c) c.progress = progress;
        if (command instanceof CostCommand c) c.engine = engine;
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(command);
        Main.configured(cl);
        // A value that starts with @ is a value, never a file to read.
        cl.setExpandAtFiles(false);
        return cl;
    }

    /** The command's one line (as it printed it, after "owsim: "), and the option or scenario field it names. */
    static Problem problem(Throwable cause, String stderr) {
        String line = stderr.lines().findFirst().orElse("the command failed");
        if (line.startsWith("owsim: ")) line = line.substring("owsim: ".length());
        String field = null;
        int at = 0;
        if (cause instanceof CommandLine.MissingParameterException m && m.getMissing() != null && !m.getMissing().isEmpty()) {
            field = name(m.getMissing().get(0));
        } else if (cause instanceof CommandLine.ParameterException p && p.getArgSpec() != null) {
            field = name(p.getArgSpec());
        } else if (cause instanceof InputException i) {
            field = i.field();
            at = Math.max(0, i.line());
            if (field != null && field.startsWith("--")) field = field.substring(2);
        }
        return new Problem(line, field, at);
    }

    /** An option's name without dashes ("gpus"), which is the API's query parameter; a positional's label. */
    private static String name(CommandLine.Model.ArgSpec spec) {
        if (spec instanceof CommandLine.Model.OptionSpec o) return o.longestName().replaceFirst("^-+", "");
        return spec.paramLabel();
    }
}
