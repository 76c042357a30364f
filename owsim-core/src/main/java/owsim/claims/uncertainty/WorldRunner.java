package owsim.claims.uncertainty;

import java.util.List;
import owsim.catalog.Catalog;
import owsim.claims.Claim;
import owsim.claims.ClaimResult;
import owsim.experiment.design.SampleMatrix;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.agent.AgentOptions;
import owsim.market.engines.Engines;
import owsim.random.Seeds;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.Scenarios;

/**
 * Evaluates one claim in one world (one replication of it with the agent engine): run id =
 * (world x replications + replication) x claims + claim index, so a run's world, replication,
 * claim and seed follow from its id alone and the outcomes do not depend on the thread count or
 * order. With the aggregate engine (one replication) that is world x claims + claim index and a
 * world's seed is {@code Seeds.run(root, world)}, as before replications existed; with the agent
 * engine a replication's seed is {@code Seeds.replication(root, world, replication)}, as a sweep's.
 * Thread-safe: one engine serves every thread (the aggregate's caches are concurrent maps; the
 * agent engine runs each scenario on the calling thread alone, so the sweep's threads run worlds
 * side by side).
 */
public final class WorldRunner {
    private final UncertaintySet set;
    private final List<Claim> claims;
    private final Engine engine;
    private final Runs runs;
    private final SampleMatrix matrix;
    private final String[] paths;
    private final ScenarioOverrides overrides = new ScenarioOverrides();

    /** Runs on the aggregate engine, one replication per world. */
    public WorldRunner(UncertaintySet set, List<Claim> claims, Catalog catalog) {
        this(set, claims, catalog, Runs.AGGREGATE);
    }

    /** Runs with the engine, users and replications of {@code runs}. */
    public WorldRunner(UncertaintySet set, List<Claim> claims, Catalog catalog, Runs runs) {
        this.set = set;
        this.claims = List.copyOf(claims);
        this.runs = runs;
        this.engine = Engines.create(runs.engine(), catalog, runs.engine() == EngineKind.AGENT ? AgentOptions.of(runs.users()) : null);
        this.matrix = set.sample();
        this.paths = set.paths().toArray(new String[0]);
        Scenarios.checkCatalog(set.experiment().base(), catalog);
    }

    /**
     * How every world is run: the engine, its simulated users (agent engine only, else 0) and the
     * replications of each world (1 with the aggregate engine, which draws nothing from the seed).
     */
    public record Runs(EngineKind engine, int users, int replications) {
        /** The aggregate engine, one run per world. */
        public static final Runs AGGREGATE = new Runs(EngineKind.AGGREGATE, 0, 1);

        /** Most replications of one world. */
        public static final int MAX_REPLICATIONS = 1000;

        public Runs {
            if (engine == null) throw new IllegalArgumentException("engine: required");
            if (replications < 1 || replications > MAX_REPLICATIONS) {
                throw new IllegalArgumentException("replications: must be 1.." + MAX_REPLICATIONS + ", was " + replications);
            }
            if (engine == EngineKind.AGGREGATE) {
                // The aggregate engine computes expected values and never reads the scenario's seed, so a
                // second replication would repeat the first bit for bit.
                if (replications != 1) throw new IllegalArgumentException("replications: the aggregate engine is deterministic (it draws nothing from"
                    + " the seed), so every replication of a world gives the same outcome; use 1, or the agent engine");
                if (users != 0) throw new IllegalArgumentException("users: only for the agent engine");
            } else if (users < 1) {
                throw new IllegalArgumentException("users: must be a whole number >= 1, was " + users);
            }
        }

        /** The agent engine with {@code users} simulated users and {@code replications} runs of each world. */
        public static Runs agent(int users, int replications) {
            return new Runs(EngineKind.AGENT, users, replications);
        }

        /** In words, for messages: "aggregate engine, 1 replication" or "agent engine, 2000 users, 2 replications". */
        public String describe() {
            return engine.id() + " engine" + (engine == EngineKind.AGENT ? ", " + users + " users" : "") + ", " + replications
                + (replications == 1 ? " replication" : " replications");
        }
    }

    public int totalRuns() { return matrix.runs() * runs.replications() * claims.size(); }

    public List<Claim> claims() { return claims; }

    public Engine engine() { return engine; }

    public Runs runs() { return runs; }

    /** The scenario of world {@code world} (its first replication's seed). */
    public Scenario world(int world) {
        return world(world, 0);
    }

    /** The scenario of replication {@code replication} of world {@code world}, with its seed. */
    public Scenario world(int world, int replication) {
        Scenario s = overrides.apply(set.experiment().base(), paths, matrix.row(world));
        return s.withSeed(seed(set.experiment().rootSeed(), world, replication, runs.engine()));
    }

    /** A run's seed from the root seed, world and replication alone. */
    public static long seed(long rootSeed, int world, int replication, EngineKind engine) {
        return engine == EngineKind.AGGREGATE ? Seeds.run(rootSeed, world) : Seeds.replication(rootSeed, world, replication);
    }

    /** Builds every world's scenario before the first run, so a combination the scenario refuses stops everything with nothing stored. */
    public void checkWorlds() {
        for (int w = 0; w < matrix.runs(); w++) {
            try {
                world(w);
            } catch (owsim.io.InputException e) {
                throw new owsim.io.InputException(set.experiment().source(), 0, 0, "design",
                    "world " + w + " is not a valid scenario: " + e.getMessage());
            }
        }
    }

    public WorldOutcome run(int runId) {
        int c = runId % claims.size();
        int rest = runId / claims.size();
        int world = rest / runs.replications();
        int replication = rest % runs.replications();
        Claim claim = claims.get(c);
        Scenario s = world(world, replication);
        ClaimResult r = claim.evaluate(s, engine);
        return new WorldOutcome(runId, world, replication, claim.id(), s.seed(), matrix.row(world), r.verdict().text(), r.holdsHere(), r.margin(),
            r.marginUnit());
    }
}
