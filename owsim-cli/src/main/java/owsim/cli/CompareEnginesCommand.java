package owsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.catalog.Catalog;
import owsim.experiment.EngineAgreement;
import owsim.format.Readable;
import owsim.io.InputException;
import owsim.market.agent.AgentMemory;
import owsim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code owsim compare-engines}: the aggregate run of a scenario against replications of its agent
 * run, every summary figure with the agent mean's 95% interval, so that an analyst sees where the
 * fast engine stands in for the individual users and where its closure shows.
 */
@Command(name = "compare-engines", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Run a scenario with the aggregate engine once and the agent engine R times (seeds S, S+1, ...), then",
        "print every summary figure: the aggregate's value, the agent runs' mean with its 95%% t interval, the gap in",
        "percent and in standard errors, and whether the interval brackets the aggregate (docs/MODEL.md, section 3.5)."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the runs finished and the comparison is printed", "1:a run failed", "2:bad input: scenario or option value"})
final class CompareEnginesCommand implements Callable<Integer>, Failures.MemoryHint {
    static final int DEFAULT_USERS = 1_000_000;
    static final int DEFAULT_REPLICATIONS = 30;
    static final int MAX_REPLICATIONS = 10_000;

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
        description = "Scenario YAML file, or 'default' for the embedded default world.")
    String scenario;

    @Option(names = "--users", paramLabel = "N", description = "Simulated users of each agent run (default: " + DEFAULT_USERS + ").")
    Integer users;

    @Option(names = "--replications", paramLabel = "R",
        description = "Agent runs, on seeds S to S+R-1 with S the scenario's seed (default: " + DEFAULT_REPLICATIONS + "; at least 2).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "T",
        description = "Worker threads of each agent run (default: the number of processors). Changes the speed, not the result.")
    Integer threads;

    @Option(names = "--months", paramLabel = "N", description = "Months to simulate (overrides run.months).")
    Integer months;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the first agent run (overrides run.seed).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
        description = {"Set one scenario field by the path experiment files use (as 'owsim run --set'), e.g.",
            "mechanisms.financing=false. Repeatable; applied after the file and before --months and --seed."})
    List<String> sets;

    @Mixin FormatOption format;

    @Mixin CatalogOption catalog;

    @Override public String memoryHint() {
        return "--users";
    }

    @Override public Integer call() {
        EngineOptions.checkCounts(users, threads);
        int n = users == null ? DEFAULT_USERS : users;
        int reps = replications == null ? DEFAULT_REPLICATIONS : replications;
        if (reps < 2 || reps > MAX_REPLICATIONS) {
            throw InputException.ofField("--replications", "must be a whole number from 2 to " + MAX_REPLICATIONS + " (an interval needs two runs), was " + reps);
        }
        Catalog cat = catalog.load();
        Scenario s = ScenarioArgument.load(scenario, cat);
        if (sets != null && !sets.isEmpty()) s = SetOptions.apply(s, sets, cat);
        if (months != null) s = RunCommand.override("--months", s, sc -> sc.withMonths(months));
        if (seed != null) s = RunCommand.override("--seed", s, sc -> sc.withSeed(seed));
        AgentMemory.check("--users", n, 1, s.network(), AgentMemory.availableBytes());
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;

        EngineAgreement.Result r = EngineAgreement.compare(cat, s, n, reps, t, ProgressBar.onStderr(spec.commandLine().getErr(), "runs"));
        if (format.json()) format.printJson(json(r));
        else print(r, spec.commandLine().getOut());
        return Main.EXIT_OK;
    }

    private static void print(EngineAgreement.Result r, PrintWriter out) {
        out.printf(Locale.ROOT, "Engines compared on '%s': the aggregate run against %d agent runs of %,d users (seeds %d to %d)%n%n",
            r.scenarioName(), r.replications(), r.users(), r.firstSeed(), r.firstSeed() + r.replications() - 1);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"figure", "aggregate", "agent mean", "95% interval", "gap", "gap (s.e.)", "bracketed"});
        for (EngineAgreement.Figure f : r.figures()) {
            rows.add(new String[] {f.name(), value(f.name(), f.aggregate()), value(f.name(), f.agent().mean()),
                value(f.name(), f.agent().ciLow()) + " to " + value(f.name(), f.agent().ciHigh()),
                gap(f), String.format(Locale.ROOT, "%+.1f", f.standardErrors()),
                f.bracketed() ? "yes" : "no"});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
        for (String[] row : rows) {
            StringBuilder b = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                if (c > 0) b.append("  ");
                b.append(c == 0 ? String.format("%-" + width[c] + "s", row[c]) : String.format("%" + width[c] + "s", row[c]));
            }
            out.println(b.toString().stripTrailing());
        }
        out.printf(Locale.ROOT, "%n%d of %d figures bracketed. With R runs each 95%% interval misses an unbiased figure one time in"
            + " twenty, so a few misses are chance; docs/MODEL.md (section 3.5) says where the engines differ by design.%n",
            r.bracketed(), r.figures().size());
        out.flush();
    }

    /**
     * The gap in percent of the aggregate, or n/a where the aggregate is next to nothing beside the agent
     * runs (a lab's cash spent down to rounding): a percentage of that says nothing.
     */
    private static String gap(EngineAgreement.Figure f) {
        double scale = Math.max(Math.abs(f.agent().mean()), f.agent().halfWidth());
        if (!Double.isFinite(f.relativeGap()) || Math.abs(f.aggregate()) < 1e-6 * scale) return Readable.NOT_AVAILABLE;
        return String.format(Locale.ROOT, "%+.2f%%", 100 * f.relativeGap());
    }

    /** Money with a magnitude, shares and counts with four significant digits. */
    private static String value(String name, double v) {
        return name.endsWith("Usd") || name.endsWith("payoff") ? Readable.money(v, 4) : String.format(Locale.ROOT, "%.4g", v);
    }

    private static Map<String, Object> json(EngineAgreement.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", r.scenarioName());
        root.put("users", r.users());
        root.put("replications", r.replications());
        root.put("firstSeed", r.firstSeed());
        root.put("confidence", EngineAgreement.CONFIDENCE);
        root.put("bracketed", r.bracketed());
        List<Map<String, Object>> figures = new ArrayList<>();
        for (EngineAgreement.Figure f : r.figures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("figure", f.name());
            m.put("aggregate", f.aggregate());
            m.put("agentMean", f.agent().mean());
            m.put("agentSd", f.agent().sd());
            m.put("ciLow", f.agent().ciLow());
            m.put("ciHigh", f.agent().ciHigh());
            m.put("relativeGap", finite(f.relativeGap()));
            m.put("standardErrors", finite(f.standardErrors()));
            m.put("bracketed", f.bracketed());
            figures.add(m);
        }
        root.put("figures", figures);
        return root;
    }

    /** JSON has no infinity: a gap against an exact zero, or with no spread at all, is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
