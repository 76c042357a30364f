package owsim.claims.uncertainty;

import java.util.List;
import owsim.catalog.Catalog;
import owsim.claims.Claim;
import owsim.claims.ClaimResult;
import owsim.experiment.design.SampleMatrix;
import owsim.market.aggregate.AggregateEngine;
import owsim.random.Seeds;
import owsim.scenario.Scenario;
import owsim.scenario.ScenarioOverrides;
import owsim.scenario.Scenarios;

/**
 * Evaluates one claim in one world: run id = world x claims + claim index, so a run's world, claim
 * and seed follow from its id alone and the outcomes do not depend on the thread count or order.
 * Thread-safe: one aggregate engine (its caches are concurrent maps) serves every thread.
 */
public final class WorldRunner {
    private final UncertaintySet set;
    private final List<Claim> claims;
    private final AggregateEngine engine;
    private final SampleMatrix matrix;
    private final String[] paths;
    private final ScenarioOverrides overrides = new ScenarioOverrides();

    public WorldRunner(UncertaintySet set, List<Claim> claims, Catalog catalog) {
        this.set = set;
        this.claims = List.copyOf(claims);
        this.engine = new AggregateEngine(catalog);
        this.matrix = set.sample();
        this.paths = set.paths().toArray(new String[0]);
        Scenarios.checkCatalog(set.experiment().base(), catalog);
    }

    public int totalRuns() { return matrix.runs() * claims.size(); }

    public List<Claim> claims() { return claims; }

    public AggregateEngine engine() { return engine; }

    /** The scenario of world {@code world}, with its seed. */
    public Scenario world(int world) {
        Scenario s = overrides.apply(set.experiment().base(), paths, matrix.row(world));
        return s.withSeed(Seeds.run(set.experiment().rootSeed(), world));
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
        int world = runId / claims.size();
        Claim claim = claims.get(runId % claims.size());
        Scenario s = world(world);
        ClaimResult r = claim.evaluate(s, engine);
        return new WorldOutcome(runId, world, claim.id(), s.seed(), matrix.row(world), r.verdict().text(), r.holdsHere(), r.margin(), r.marginUnit());
    }
}
