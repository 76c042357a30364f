package owsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.catalog.Catalog;
import owsim.experiment.EngineAgreement;
import owsim.io.InputException;
import owsim.report.EngineAgreementText;
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

    @Option(names = "--at-months", paramLabel = "M", split = ",", splitSynopsisLabel = ",",
        description = {"Also compare every lab's users, revenue, tokens and cash in month M, each region's users when the",
            "scenario has regions, and the market's open-weight token share, open-model lag and consumer surplus,",
            "e.g. --at-months 12,36,60. Months count from 1 (the first simulated month) to the run's",
            "months, the rows of timeseries.csv (default: none; the end-of-run figures already give the last month's users)."})
    List<Integer> atMonths;

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
        List<Integer> at = atMonths == null ? List.of() : List.copyOf(atMonths);
        for (int m : at) {
            if (m < 1 || m > s.months()) {
                throw InputException.ofField("--at-months", "each month must be a whole number from 1 to " + s.months() + " (the run's months), was " + m);
            }
        }
        AgentMemory.check("--users", n, 1, s.network(), AgentMemory.availableBytes());
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;

        EngineAgreement.Result r = EngineAgreement.compare(cat, s, n, reps, t, at, ProgressBar.onStderr(spec.commandLine().getErr(), "runs"));
        if (format.json()) format.printJson(json(r));
        else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(EngineAgreementText.render(r));
            out.flush();
        }
        return Main.EXIT_OK;
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
