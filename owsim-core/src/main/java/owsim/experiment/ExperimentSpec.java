package owsim.experiment;

import static owsim.io.Check.nonNullElements;

import java.util.List;
import owsim.market.EngineKind;

/**
 * An experiment file as written: read strictly by {@link Experiments}, which resolves it into an
 * {@link Experiment}.
 *
 * @param name short name, used in reports
 * @param description what the experiment asks
 * @param base {@code default} (the bundled scenario) or a scenario file relative to the experiment file
 * @param engine {@code aggregate} (expected values; default) or {@code agent} (individual users, each
 *     run on one thread: the sweep's threads run runs side by side)
 * @param users agent engine: simulated users per run (default {@link #DEFAULT_AGENT_USERS})
 * @param replications runs per design point, each with its own seed (default 1)
 * @param rootSeed the seed every run's seed derives from (Seeds.replication)
 * @param months overrides the base scenario's run length (optional)
 * @param design which points to run
 * @param parameters the varied fields
 * @param metrics output figures per run (default: market figures and every lab's payoff)
 * @param shares groups of shares that sum to 1, each drawn together (latin-hypercube only); their
 *     paths follow the parameters' in the sample
 */
public record ExperimentSpec(String name, String description, String base, String engine, Integer users, Integer replications,
                             Long rootSeed, Integer months, DesignSpec design, List<ParameterSpec> parameters, List<String> metrics,
                             List<ShareGroupSpec> shares) {
    /** Users of an agent run in an experiment when none are given: many runs, so fewer than a single run's default. */
    public static final int DEFAULT_AGENT_USERS = 100_000;

    public ExperimentSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name: required");
        if (base == null) base = "default";
        if (engine == null) engine = EngineKind.AGGREGATE.id();
        EngineKind kind;
        try {
            kind = EngineKind.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("engine: " + e.getMessage());
        }
        if (kind == EngineKind.AGGREGATE && users != null) throw new IllegalArgumentException("users: only for engine: agent");
        if (kind == EngineKind.AGENT && users == null) users = DEFAULT_AGENT_USERS;
        if (users != null && (users < 1 || users > 100_000_000)) {
            throw new IllegalArgumentException("users: must be 1..100000000, was " + users);
        }
        if (replications == null) replications = 1;
        if (replications < 1 || replications > 100_000) throw new IllegalArgumentException("replications: must be 1..100000, was " + replications);
        if (rootSeed == null) throw new IllegalArgumentException("rootSeed: required (every run's seed derives from it)");
        if (design == null) throw new IllegalArgumentException("design: required");
        shares = shares == null ? List.of() : nonNullElements("shares", shares);
        if ((parameters == null || parameters.isEmpty()) && shares.isEmpty()) {
            throw new IllegalArgumentException("parameters: at least one is required (or a group of shares)");
        }
        parameters = parameters == null ? List.of() : nonNullElements("parameters", parameters);
        metrics = metrics == null ? List.of() : nonNullElements("metrics", metrics);
    }

    /** The engine, typed. */
    public EngineKind engineKind() {
        return EngineKind.parse(engine);
    }
}
