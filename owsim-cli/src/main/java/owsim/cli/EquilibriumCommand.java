package owsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.market.LabSummary;
import owsim.market.RunResult;
import owsim.market.aggregate.AggregateEngine;
import owsim.scenario.Payoff;
import owsim.scenario.Scenario;
import owsim.strategy.ReleasePolicies;
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
    description = {"Release policies as a game: simulate every combination of the chosen labs' policies,",
        "then print the payoff table, best responses, Nash equilibria and replicator dynamics.",
        "Payoffs are the scenario's run.payoff measure of each lab."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:the game was simulated and solved", "1:a run failed", "2:bad input: scenario or option value"})
final class EquilibriumCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
        description = "Scenario YAML file, or 'default' for the embedded default world.")
    String scenario;

    @Option(names = "--labs", split = ",", required = true, paramLabel = "A,B[,C[,D]]",
        description = "Lab ids of the players (2 to 4).")
    List<String> labs;

    @Option(names = "--policies", split = ",(?![^(]*\\))", defaultValue = "closed,open", paramLabel = "P,Q,...",
        description = "Release policies every player may choose, e.g. closed,open,open-delayed(6) (default: ${DEFAULT-VALUE}).")
    List<String> policies;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
        description = "Output: plain text, or JSON (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--engine", paramLabel = "aggregate", defaultValue = "aggregate",
        description = "Market engine: only 'aggregate' (the agent engine's replications are not wired into games yet).")
    String engine;

    @Option(names = "--payoff", paramLabel = "MEASURE",
        description = "Payoff measure (overrides the scenario's run.payoff): discounted-profit-plus-terminal, discounted-profit,"
            + " end-cash, terminal, token-share, capability-rank.")
    String payoff;

    @Mixin CatalogOption catalog;

    @Override public Integer call() throws Exception {
        boolean json = switch (format) {
            case "table" -> false;
            case "json" -> true;
            default -> throw InputException.ofField("--format", "must be 'table' or 'json', was '" + format + "'");
        };
        if (!engine.equals("aggregate")) {
            throw InputException.ofField("--engine", "must be 'aggregate'; the agent engine's replications are not wired"
                + " into the equilibrium command yet, was '" + engine + "'");
        }
        Catalog cat = catalog.load();
        Scenario loaded = ScenarioArgument.load(scenario, cat);
        if (payoff != null) {
            try {
                loaded = loaded.withPayoff(Payoff.parse(payoff));
            } catch (IllegalArgumentException e) {
                throw InputException.ofField("--payoff", "'" + payoff + "' is not a payoff measure; allowed: discounted-profit-plus-terminal,"
                    + " discounted-profit, end-cash, terminal, token-share, capability-rank");
            }
        }
        Scenario base = loaded;
        if (labs.size() < NormalFormGame.MIN_PLAYERS || labs.size() > NormalFormGame.MAX_PLAYERS) {
            throw InputException.ofField("--labs", "give 2 to 4 lab ids, was " + labs.size());
        }
        List<String> ids = base.labs().stream().map(l -> l.id()).toList();
        for (String lab : labs) {
            if (base.labIndex(lab) < 0) {
                throw InputException.ofField("--labs", "unknown lab '" + lab + "'; labs: " + String.join(", ", ids));
            }
        }
        if (labs.stream().distinct().count() != labs.size()) throw InputException.ofField("--labs", "a lab is listed twice");
        if (policies.isEmpty()) throw InputException.ofField("--policies", "give at least one policy");
        for (String p : policies) {
            try {
                ReleasePolicies.parse(p);
            } catch (IllegalArgumentException e) {
                throw InputException.ofField("--policies", String.valueOf(e.getMessage()));
            }
        }
        if (policies.stream().distinct().count() != policies.size()) throw InputException.ofField("--policies", "a policy is listed twice");

        AggregateEngine sim = new AggregateEngine(cat);
        List<List<String>> strategies = new ArrayList<>();
        for (int i = 0; i < labs.size(); i++) strategies.add(policies);
        NormalFormGame game = NormalFormGame.of(labs, strategies, profile -> {
            Scenario s = base;
            for (int p = 0; p < profile.length; p++) s = s.withPolicy(labs.get(p), policies.get(profile[p]));
            RunResult r = sim.run(s);
            double[] pay = new double[profile.length];
            for (int p = 0; p < profile.length; p++) pay[p] = payoff(r, labs.get(p));
            return pay;
        });
        // The aggregate engine is deterministic: only rounding separates ties (shares and ranks are small numbers).
        double tolerance = Math.max(game.defaultTolerance(), 1e-12);
        GameAnalysis analysis = GameAnalysis.of(game, tolerance);
        ReplicatorPath path = replicator(game);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(jsonOf(base, analysis, path)));
        } else {
            out.println("Equilibrium of release policies in '" + base.name() + "' (" + base.months() + " months, payoff: "
                + base.run().payoff() + unit(base.run().payoff()) + "; other labs keep their scenario policies)");
            out.println();
            out.print(GameText.analysis(analysis));
            if (path != null) {
                out.println();
                out.print(GameText.replicator(game, path));
            }
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static String unit(Payoff p) {
        return switch (p) {
            case TOKEN_SHARE -> ", share of tokens";
            case CAPABILITY_RANK -> ", labs behind";
            default -> ", USD";
        };
    }

    private static double payoff(RunResult r, String lab) {
        for (LabSummary l : r.labs()) if (l.id().equals(lab)) return l.payoff();
        throw new IllegalStateException("run has no lab '" + lab + "'");
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

    private static Map<String, Object> jsonOf(Scenario base, GameAnalysis a, ReplicatorPath path) {
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
