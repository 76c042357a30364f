package owsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.BitSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import owsim.claims.uncertainty.ClaimUncertainty;
import owsim.claims.uncertainty.OutcomeStore;
import owsim.claims.uncertainty.OutcomeTable;
import owsim.claims.uncertainty.UncertaintyAnalysis;
import owsim.claims.uncertainty.UncertaintyReport;
import owsim.claims.uncertainty.UncertaintySet;
import owsim.claims.uncertainty.WorldRunner;
import owsim.experiment.Sweep;
import owsim.io.InputFiles;
import owsim.scenario.Scenarios;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.claims.Claim;
import owsim.claims.ClaimResult;
import owsim.claims.Claims;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.engines.Engines;
import owsim.progress.ProgressListener;
import owsim.progress.ProgressMeter;
import owsim.report.ClaimsHtml;
import owsim.report.ClaimsMarkdown;
import owsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code owsim claims}: tests the twelve claims a-l on a scenario and prints (or writes) the verdicts. */
@Command(name = "claims", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Test the twelve claims about open weights (a-l) on a scenario: each is an experiment comparing runs",
        "with and without its mechanism. Prints the verdict table; --out also writes CLAIMS.md and claims.html.",
        "With --uncertainty, also evaluates every claim in worlds sampled from an experiment-style file (in parallel, into a",
        "resumable DuckDB store) and reports per claim the share of worlds where it holds, the conditions under which it",
        "does (PRIM box, CART tree), the parameters that decide it, a tipping surface and a world where it flips.",
        "With --uncertainty --engine agent, every world runs on the agent engine (--users each run, --replications runs per",
        "world, seeds from the root seed, world and replication alone); a world holds when most of its replications do, and",
        "the report adds how often replications of one world agree."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the claims were evaluated (and the files written)", "1:a run or the writing failed", "2:bad input"})
final class ClaimsCommand implements Callable<Integer> {
    /** File names written into --out. */
    static final String MARKDOWN = "CLAIMS.md";
    static final String HTML = "claims.html";

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
        description = "Scenario YAML file, or 'default' for the embedded default world.")
    String scenario;

    @Option(names = "--out", paramLabel = "DIR", description = {"Directory to write CLAIMS.md and claims.html into (created if missing);",
        "with --uncertainty also claims-uncertainty.csv, the outcome of every claim in every world they are rendered from."})
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
        description = "Set a scenario field before the claims run (repeatable; paths as in experiment files), e.g. to rebuild a flip world.")
    List<String> set = new ArrayList<>();

    @Option(names = "--uncertainty", paramLabel = "FILE",
        description = "Experiment-style file of uncertain parameters (latin-hypercube or sobol design); see experiments/claims-uncertainty.yaml.")
    Path uncertainty;

    @Option(names = "--worlds", paramLabel = "N", description = "With --uncertainty: worlds to sample (default: the file's design size).")
    Integer worlds;

    @Option(names = "--store", paramLabel = "FILE",
        description = "With --uncertainty: DuckDB file of the outcomes (default: FILE with .duckdb); run again to resume.")
    Path store;

    @Option(names = "--replications", paramLabel = "R",
        description = {"With --uncertainty --engine agent: runs of each world, each with its own seed (default 1).",
            "The aggregate engine is deterministic, so it takes only 1."})
    Integer replications;

    /**
     * Simulated users per agent run with --uncertainty when --users is not given: many worlds, so far
     * fewer than one claims run's {@link EquilibriumCommand#DEFAULT_USERS}. Assumption: 20,000 users
     * let 8 worlds x 2 replications finish in about two and a half minutes on two shared cores
     * (measured: about 17 s of one core per run of a world's twelve claims; docs/EXPERIMENTS.md),
     * and most claims' replications of one world then agree.
     */
    static final int UNCERTAINTY_AGENT_USERS = 20_000;

    @Mixin EngineOptions engine;
    @Mixin CatalogOption catalog;
    @Mixin FormatOption format;

    /** Where the web app wants the progress (set before the call); null: the bar on standard error. */
    ProgressListener progress;

    @Override public Integer call() throws Exception {
        if (uncertainty == null && (worlds != null || store != null || replications != null)) {
            throw InputException.ofField(worlds != null ? "--worlds" : store != null ? "--store" : "--replications", "only with --uncertainty FILE");
        }
        // With --uncertainty, --threads runs the worlds in parallel (on either engine).
        EngineKind kind = engine.kind(uncertainty != null);
        WorldRunner.Runs runs = uncertainty == null ? null : runs(kind);
        Catalog cat = catalog.load();
        Scenario s = ScenarioArgument.load(scenario, cat);
        if (!set.isEmpty()) s = SetOptions.apply(s, set, cat);
        PrintWriter err = spec.commandLine().getErr();
        UncertaintySet worldsSet = null;
        if (uncertainty != null) {
            if (!set.isEmpty()) throw InputException.ofField("--set", "not with --uncertainty: the uncertainty file's parameters set the worlds");
            // SCENARIO, when given, is the worlds' base in place of the file's: the file's paths and ranges are checked against it.
            List<String> claimIds = Claims.all().stream().map(Claim::id).toList();
            if (scenario != null) {
                String text = scenario.equals(ScenarioArgument.DEFAULT) ? Scenarios.defaultYaml() : InputFiles.read(Path.of(scenario));
                worldsSet = UncertaintySet.load(uncertainty, scenario, text, worlds, claimIds).withBase(s, text);
            } else {
                worldsSet = UncertaintySet.load(uncertainty, worlds, claimIds);
            }
            s = worldsSet.experiment().base();
        }
        // The base world runs on the worlds' engine (with the agent engine, at their users), so that a flip world differs from it by its parameters.
        Engine market = kind == EngineKind.AGENT ? engine.create(cat, s, defaultUsers(), ProgressListener.NONE)
            : Engines.create(kind, cat, null);
        List<ClaimResult> results = evaluate(s, market, progress != null ? progress : ProgressBar.onStderr(err, "claims"));
        UncertaintyReport report = null;
        OutcomeTable table = null;
        if (worldsSet != null) {
            table = uncertain(worldsSet, cat, results, runs, err);
            if (table == null) return Main.EXIT_FAILURE;
            report = UncertaintyAnalysis.of(table);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (!format.json()) {
            stdout.print(verdictTable(results));
            if (report != null) stdout.print(uncertaintyTable(report));
        }
        if (out != null) {
            String command = command(scenario, out, engineArguments()) + (uncertainty == null ? "" : " --uncertainty " + uncertainty.toString().replace('\\', '/')
                + (worlds == null ? "" : " --worlds " + worlds) + (runs.replications() == 1 ? "" : " --replications " + runs.replications()));
            try {
                Files.createDirectories(out);
                Files.writeString(out.resolve(MARKDOWN), ClaimsMarkdown.render(s.name(), command, results, report), StandardCharsets.UTF_8);
                Files.writeString(out.resolve(HTML), ClaimsHtml.render(s.name(), command, results, report), StandardCharsets.UTF_8);
                // The outcomes the two reports were rendered from, so that a test can render them again without re-running the worlds.
                if (table != null) Files.writeString(out.resolve(OutcomeTable.FILE), table.toCsv(command), StandardCharsets.UTF_8);
            } catch (IOException e) {
                spec.commandLine().getErr().println("owsim: cannot write the claims report to '" + out + "': " + RunCommand.reason(e));
                return Main.EXIT_FAILURE;
            }
            spec.commandLine().getErr().println("Wrote " + MARKDOWN + (table == null ? " and " : ", " + OutcomeTable.FILE + " and ") + HTML + " to "
                + out.toAbsolutePath().normalize());
            spec.commandLine().getErr().flush();
        }
        if (format.json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("scenario", s.name());
            result.put("claims", results);
            if (report != null) result.put("uncertainty", report);
            format.printJson(result);
        }
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** Claims.evaluateAll, one claim at a time so the progress shows (each is several runs; all take seconds). */
    static List<ClaimResult> evaluate(Scenario s, Engine engine, ProgressListener progress) {
        Claims.requireApplicable(s);
        List<Claim> claims = Claims.all();
        ProgressMeter meter = new ProgressMeter("claims", claims.size(), progress);
        List<ClaimResult> results = new ArrayList<>();
        for (Claim c : claims) {
            results.add(c.evaluate(s, engine));
            meter.advance(1);
        }
        return results;
    }

    /**
     * Every claim in every sampled world, streamed into the outcomes store (resuming what is
     * there), then read back as the table the analysis takes. Null when a run failed (the message
     * is printed; what was made is kept).
     */
    private OutcomeTable uncertain(UncertaintySet set, Catalog cat, List<ClaimResult> defaults, WorldRunner.Runs runs, PrintWriter err) throws Exception {
        int t = engine.threads == null ? Runtime.getRuntime().availableProcessors() : engine.threads;
        WorldRunner runner = new WorldRunner(set, Claims.all(), cat, runs);
        runner.checkWorlds();
        Path file = store != null ? store : SweepCommand.defaultOut(uncertainty);
        long start = System.nanoTime();
        try (OutcomeStore outcomes = OutcomeStore.open(file)) {
            outcomes.begin(set, runner.claims().stream().map(Claim::id).toList(), defaults, Main.version(), runs);
            BitSet done = outcomes.storedRunIds();
            int total = runner.totalRuns();
            String reps = runs.equals(WorldRunner.Runs.AGGREGATE) ? "" : String.format(Locale.ROOT, " x %d replications (agent engine, %,d users)",
                runs.replications(), runs.users());
            err.printf(Locale.ROOT, "%s: %d worlds%s x %d claims = %,d evaluations (%s design), %,d already stored, %d threads -> %s%n",
                set.experiment().name(), set.worlds(), reps, runner.claims().size(), total, set.experiment().design().name(), done.cardinality(), t, file);
            err.flush();
            int made;
            try {
                // The web app's listener shows the evaluations as the job's progress, and its cancel stops them at the next batch.
                made = Sweep.runAll(total, runner::run, done, t, outcomes::write, progress != null ? progress : ProgressBar.onStderr(err, "evaluations"),
                    "evaluations");
            } catch (Sweep.SweepFailedException failed) {
                err.println("owsim: " + failed.getMessage());
                err.flush();
                return null;
            }
            err.printf(Locale.ROOT, "%,d evaluations made in %.1f s -> %s%n", made, (System.nanoTime() - start) / 1e9, file);
            err.flush();
            return outcomes.table();
        }
    }

    /**
     * How the worlds of --uncertainty run: the engine, its users and the replications, checked.
     *
     * @throws InputException naming --replications with the aggregate engine (which is
     *     deterministic) or out of range
     */
    private WorldRunner.Runs runs(EngineKind kind) {
        int r = replications == null ? 1 : replications;
        if (r < 1 || r > WorldRunner.Runs.MAX_REPLICATIONS) {
            throw InputException.ofField("--replications", "must be a whole number from 1 to " + WorldRunner.Runs.MAX_REPLICATIONS + ", was " + r);
        }
        if (kind != EngineKind.AGENT) {
            if (r != 1) {
                throw InputException.ofField("--replications", "only with --engine agent: the aggregate engine is deterministic (it draws nothing"
                    + " from the seed), so every replication of a world would repeat the first; add --engine agent, or remove --replications");
            }
            return WorldRunner.Runs.AGGREGATE;
        }
        return WorldRunner.Runs.agent(defaultUsers(), r);
    }

    /** Users of an agent run: --users, else the claims' default (fewer with --uncertainty, which runs many worlds). */
    private int defaultUsers() {
        return engine.users(uncertainty != null ? UNCERTAINTY_AGENT_USERS : EquilibriumCommand.DEFAULT_USERS);
    }

    /** Per claim: share of worlds where it holds, its interval, the conditions and the deciding parameter. */
    static String uncertaintyTable(UncertaintyReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nUnder uncertainty (%d worlds, %s):%n", r.worlds(), r.design()));
        boolean replicated = r.replications() > 1;
        if (!replicated) {
            sb.append(String.format(Locale.ROOT, "%-5s  %-7s  %-17s  %s%n", "claim", "holds", "95% interval", "holds when / deciding parameter"));
        } else {
            sb.append(String.format(Locale.ROOT, "Agent engine, %,d users, %d replications per world: a world holds when more than half of its"
                + " replications do; 'runs' is the share of all replications that hold, 'agree' how often two replications of one world agree.%n",
                r.users(), r.replications()));
            sb.append(String.format(Locale.ROOT, "%-5s  %-7s  %-17s  %-7s  %-7s  %s%n", "claim", "holds", "95% interval", "runs", "agree",
                "holds when / deciding parameter"));
        }
        for (ClaimUncertainty c : r.claims()) {
            String decider = c.deciding().isEmpty() ? "-" : c.deciding().get(0).path();
            // The pruned box with its coverage and density, so the reader sees what the conditions leave out and let in.
            String when = c.box() == null ? c.conditions()
                : String.format(Locale.ROOT, "%s (coverage %.1f%%, density %.1f%%)", c.conditions(), 100 * c.box().coverage(), 100 * c.box().density());
            if (replicated) {
                sb.append(String.format(Locale.ROOT, "%-5s  %6.1f%%  %6.1f%% - %6.1f%%  %6.1f%%  %6.1f%%  %s; %s%n", c.claim(), 100 * c.share(),
                    100 * c.interval().low(), 100 * c.interval().high(), 100 * c.runShare(), 100 * c.agreement(), when, decider));
            } else {
                sb.append(String.format(Locale.ROOT, "%-5s  %6.1f%%  %6.1f%% - %6.1f%%  %s; %s%n", c.claim(), 100 * c.share(), 100 * c.interval().low(),
                    100 * c.interval().high(), when, decider));
            }
        }
        // The agent engine's note repeats the runs and agreement columns for the Markdown and HTML reports; here the table has them.
        for (String n : r.notes()) if (!replicated || !n.startsWith("worlds run on the agent engine")) sb.append("Note: ").append(n).append('\n');
        return sb.toString();
    }

    /** The command line written into the reports' headers: what regenerates them. */
    static String command(String scenario, Path out) {
        return command(scenario, out, "");
    }

    static String command(String scenario, Path out, String engineArguments) {
        return "owsim claims " + (scenario == null ? ScenarioArgument.DEFAULT : scenario) + engineArguments
            + " --out " + out.toString().replace('\\', '/');
    }

    /** The engine options as given, for the reports' command line (nothing for the default engine). */
    private String engineArguments() {
        if (engine.kind(uncertainty != null) != EngineKind.AGENT) return "";
        return " --engine agent --users " + defaultUsers();
    }

    static String verdictTable(List<ClaimResult> results) {
        int width = "verdict".length();
        for (ClaimResult r : results) width = Math.max(width, r.verdict().text().length());
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-5s  %-" + width + "s  %s%n", "claim", "verdict", "finding"));
        for (ClaimResult r : results) sb.append(String.format("%-5s  %-" + width + "s  %s%n", r.id(), r.verdict().text(), r.finding()));
        return sb.toString();
    }
}
