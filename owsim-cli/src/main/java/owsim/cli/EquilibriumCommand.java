package owsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.progress.ProgressListener;
import owsim.format.Readable;
import owsim.scenario.Payoff;
import owsim.scenario.Scenario;
import owsim.strategy.PolicyGame;
import owsim.strategy.games.BestResponse;
import owsim.strategy.games.GameAnalysis;
import owsim.strategy.games.GameText;
import owsim.strategy.games.MixedEquilibrium;
import owsim.strategy.games.NormalFormGame;
import owsim.strategy.games.PureEquilibrium;
import owsim.strategy.games.Replicator;
import owsim.strategy.games.ReplicatorPath;
import owsim.strategy.games.ReplicatorSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code owsim equilibrium}: simulates every combination of release policies for the chosen labs
 * (the other labs keep their scenario policies), builds the normal-form game of the labs' payoffs
 * and prints its best responses, equilibria and replicator dynamics.
 */
@Command(name = "equilibrium", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Release policies as a game: simulate every combination of the chosen labs' policies, then print the"
        + " payoff table, best responses, Nash equilibria and replicator dynamics. Payoffs are the scenario's run.payoff"
        + " measure of each lab (docs/STRATEGY.md)."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the game was simulated and solved", "1:a run failed", "2:bad input: scenario or option value"})
final class EquilibriumCommand implements Callable<Integer>, Failures.MemoryHint {
    /** Agent runs per profile by default: enough for a t interval (9 degrees of freedom) at a few seconds a cell. */
    static final int DEFAULT_REPLICATIONS = 10;
    /** Users of an agent run by default: a game needs profiles x replications runs, so fewer than a single run's default. */
    static final int DEFAULT_USERS = 200_000;

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
        description = "Scenario YAML file, or 'default' for the embedded default world.")
    String scenario;

    @Option(names = "--labs", split = ",", splitSynopsisLabel = ",", required = true, paramLabel = "LAB",
        description = "Lab ids of the players (2 to 4).")
    List<String> labs;

    @Option(names = "--policies", split = ",(?![^(]*\\))", splitSynopsisLabel = ",", defaultValue = "closed,open", paramLabel = "POLICY",
        description = "Release policies every player may choose, e.g. closed,open,open-delayed(6) (default: ${DEFAULT-VALUE}).")
    List<String> policies;

    @Mixin FormatOption format;

    @Mixin EngineOptions engine;

    @Option(names = "--replications", paramLabel = "R",
        description = "Agent engine: runs per profile, replication r on the same seed for every profile (default: "
            + DEFAULT_REPLICATIONS + "). Payoffs are means; the report gives 95%% intervals and whether each equilibrium's"
            + " deviations lose beyond the noise.")
    Integer replications;

    @Option(names = "--payoff", paramLabel = "MEASURE",
        description = "Payoff measure (overrides the scenario's run.payoff): discounted-profit-plus-terminal, discounted-profit,"
            + " end-cash, terminal, token-share, capability-rank, weighted.")
    String payoff;

    @Mixin CatalogOption catalog;

    @Override public String memoryHint() {
        return "--users";
    }

    @Override public Integer call() throws Exception {
        boolean json = format.json();
        EngineKind kind = engine.kind();
        boolean agent = kind.stochastic();
        if (!agent && replications != null && replications != 1) {
            throw InputException.ofField("--replications", "only for --engine agent (the " + kind + " engine gives the same payoffs every run)");
        }
        if (replications != null && (replications < 1 || replications > 10_000)) {
            throw InputException.ofField("--replications", "must be a whole number from 1 to 10000, was " + replications);
        }
        Catalog cat = catalog.load();
        Scenario loaded = ScenarioArgument.load(scenario, cat);
        if (payoff != null) {
            try {
                loaded = loaded.withPayoff(Payoff.parse(payoff));
            } catch (IllegalArgumentException e) {
                throw InputException.ofField("--payoff", "'" + payoff + "' is not a payoff measure; allowed: discounted-profit-plus-terminal,"
                    + " discounted-profit, end-cash, terminal, token-share, capability-rank, weighted");
            }
        }
        Scenario base = loaded;
        int reps = agent ? (replications == null ? DEFAULT_REPLICATIONS : replications) : 1;
        Engine sim = engine.create(cat, base, DEFAULT_USERS, ProgressListener.NONE);
        PolicyGame played;
        try {
            played = PolicyGame.simulate(base, labs, policies, reps, sim,
                agent ? ProgressBar.onStderr(spec.commandLine().getErr(), "runs") : ProgressListener.NONE);
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("labs: ")) throw InputException.ofField("--labs", m.substring(6));
            if (m.startsWith("policies: ")) throw InputException.ofField("--policies", m.substring(10));
            throw InputException.ofField("--policies", m);
        }
        NormalFormGame game = played.game();
        // The aggregate engine is deterministic: only rounding separates ties (shares and ranks are small numbers).
        double tolerance = Math.max(game.defaultTolerance(), 1e-12);
        ReplicatorPath path = replicator(game);

        PrintWriter out = spec.commandLine().getOut();
        Payoff measure = base.run().payoff();
        if (json) {
            GameAnalysis analysis = GameAnalysis.of(game, tolerance);
            Map<String, Object> root = jsonOf(base, analysis, path, played);
            root.put("engine", kind.id());
            root.put("replications", reps);
            if (agent) root.put("users", engine.users(DEFAULT_USERS));
            if (reps > 1) root.put("noise", noiseJson(played, analysis));
            format.printJson(root);
        } else {
            // Money prints as $ with a magnitude and three significant digits, like every other
            // money figure owsim prints ("-$92.9B"); --format json keeps raw USD.
            DoubleFunction<String> shown = isMoney(measure) ? v -> Readable.money(v, 3) : GameText::number;
            GameAnalysis analysis = GameAnalysis.of(game, tolerance);
            out.println("Equilibrium of release policies in '" + base.name() + "' (" + base.months() + " months, payoff: "
                + measure + unit(measure) + "; other labs keep their scenario policies)");
            if (agent) {
                out.printf(Locale.ROOT, "Agent engine: %d runs per profile of %,d users, replication r on the same seed for every"
                    + " profile; payoffs are means%n", reps, engine.users(DEFAULT_USERS));
            }
            out.println();
            out.print(GameText.analysis(analysis, shown));
            if (reps > 1) {
                out.println();
                out.print(noiseText(played, analysis, shown));
            }
            if (path != null) {
                out.println();
                out.print(GameText.replicator(game, path));
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static boolean isMoney(Payoff p) {
        return p != Payoff.TOKEN_SHARE && p != Payoff.CAPABILITY_RANK && p != Payoff.WEIGHTED;
    }

    private static String unit(Payoff p) {
        return switch (p) {
            case TOKEN_SHARE -> ", share of tokens";
            case CAPABILITY_RANK -> ", labs behind";
            case WEIGHTED -> ", the scenario's run.payoffWeights";
            default -> ", USD";
        };
    }

    /** Each cell's 95% intervals, then whether every deviation from each pure equilibrium loses beyond the noise. */
    private static String noiseText(PolicyGame played, GameAnalysis a, DoubleFunction<String> shown) {
        NormalFormGame g = played.game();
        StringBuilder b = new StringBuilder("Mean payoffs with 95% intervals over " + played.replications() + " replications:\n");
        for (int i = 0; i < g.profileCount(); i++) {
            int[] prof = g.profile(i);
            List<String> parts = new ArrayList<>();
            for (int p = 0; p < g.players(); p++) {
                parts.add(String.format(Locale.ROOT, "%s %s ± %s", g.playerName(p), shown.apply(g.payoffAt(i, p)),
                    shown.apply(played.halfWidth95(i, p))));
            }
            b.append("  (").append(String.join(", ", names(g, prof))).append(")  ").append(String.join("; ", parts)).append('\n');
        }
        for (PureEquilibrium e : a.pureEquilibria()) {
            List<PolicyGame.Deviation> devs = played.deviations(e);
            boolean all = devs.stream().allMatch(PolicyGame.Deviation::significant);
            b.append("Equilibrium (").append(String.join(", ", names(g, e.profile()))).append("): ")
                .append(all ? "every deviation loses beyond the 95% interval" : "some deviation is within the noise (more --replications, or a tie)")
                .append('\n');
            for (PolicyGame.Deviation d : devs) {
                b.append(String.format(Locale.ROOT, "  %s -> %s loses %s ± %s%s%n", g.playerName(d.player()),
                    g.strategyName(d.player(), d.alternative()), shown.apply(d.lossMean()), shown.apply(d.halfWidth95()),
                    d.significant() ? "" : "  (not significant)"));
            }
        }
        return b.toString();
    }

    private static List<Object> noiseJson(PolicyGame played, GameAnalysis a) {
        NormalFormGame g = played.game();
        List<Object> out = new ArrayList<>();
        for (PureEquilibrium e : a.pureEquilibria()) {
            List<Object> devs = new ArrayList<>();
            for (PolicyGame.Deviation d : played.deviations(e)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("player", g.playerName(d.player()));
                m.put("to", g.strategyName(d.player(), d.alternative()));
                m.put("lossMean", d.lossMean());
                m.put("halfWidth95", d.halfWidth95());
                m.put("significant", d.significant());
                devs.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("profile", names(g, e.profile()));
            m.put("deviations", devs);
            out.add(m);
        }
        return out;
    }

    /** One population when the game is symmetric, two for two labs, none otherwise; uniform start. */
    private static ReplicatorPath replicator(NormalFormGame game) {
        int m = game.strategyCount(0);
        double[] uniform = new double[m];
        java.util.Arrays.fill(uniform, 1.0 / m);
        if (game.isSymmetric(game.defaultTolerance())) return Replicator.symmetric(game, uniform, ReplicatorSettings.defaults());
        if (game.players() == 2) {
            double[] col = new double[game.strategyCount(1)];
            java.util.Arrays.fill(col, 1.0 / col.length);
            return Replicator.twoPopulations(game, uniform, col, ReplicatorSettings.defaults());
        }
        return null;
    }

    private static Map<String, Object> jsonOf(Scenario base, GameAnalysis a, ReplicatorPath path, PolicyGame played) {
        NormalFormGame g = a.game();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", base.name());
        root.put("payoff", base.run().payoff().toString());
        root.put("players", g.playerNames());
        root.put("strategies", g.strategyNames(0));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < g.profileCount(); i++) {
            int[] prof = g.profile(i);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("profile", names(g, prof));
            c.put("payoffsUsd", g.payoffs(prof));
            if (played.replications() > 1) {
                double[] hw = new double[g.players()];
                for (int p = 0; p < hw.length; p++) hw[p] = played.halfWidth95(i, p);
                c.put("halfWidth95", hw);
            }
            cells.add(c);
        }
        root.put("cells", cells);
        List<Object> best = new ArrayList<>();
        for (List<BestResponse> perPlayer : a.bestResponses()) {
            for (BestResponse b : perPlayer) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("player", g.playerName(b.player()));
                List<String> opp = new ArrayList<>();
                for (int p = 0; p < g.players(); p++) if (p != b.player()) opp.add(g.strategyName(p, b.opponents()[p]));
                m.put("opponents", opp);
                List<String> st = new ArrayList<>();
                for (int s : b.strategies()) st.add(g.strategyName(b.player(), s));
                m.put("bestResponses", st);
                m.put("payoffUsd", b.payoff());
                best.add(m);
            }
        }
        root.put("bestResponses", best);
        List<Object> pure = new ArrayList<>();
        for (PureEquilibrium e : a.pureEquilibria()) pure.add(Map.of("profile", names(g, e.profile()), "payoffsUsd", e.payoffs()));
        root.put("pureEquilibria", pure);
        List<Object> mixed = new ArrayList<>();
        for (MixedEquilibrium e : a.equilibria()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("probabilities", e.probabilities());
            m.put("payoffsUsd", e.payoffs());
            mixed.add(m);
        }
        root.put("equilibria", mixed);
        if (path != null) {
            Map<String, Object> rep = new LinkedHashMap<>();
            rep.put("populations", path.populations());
            List<double[]> last = new ArrayList<>();
            for (int p = 0; p < path.populations(); p++) last.add(path.last(p));
            rep.put("finalShares", last);
            rep.put("atRest", path.atRest());
            root.put("replicator", rep);
        }
        return root;
    }

    private static List<String> names(NormalFormGame g, int[] profile) {
        List<String> n = new ArrayList<>();
        for (int p = 0; p < profile.length; p++) n.add(g.strategyName(p, profile[p]));
        return n;
    }
}
