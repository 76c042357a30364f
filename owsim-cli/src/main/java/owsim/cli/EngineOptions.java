package owsim.cli;

import java.util.Arrays;
import java.util.Iterator;
import owsim.catalog.Catalog;
import owsim.io.InputException;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.agent.AgentMemory;
import owsim.market.agent.AgentOptions;
import owsim.market.engines.Engines;
import owsim.progress.ProgressListener;
import owsim.scenario.Scenario;
import picocli.CommandLine.Option;

/**
 * The {@code --engine}, {@code --users} and {@code --threads} options of every command that runs
 * the market (run, equilibrium, claims): checked here, and turned into an {@link Engine} here.
 */
final class EngineOptions {
    /** Most worker threads --threads takes. */
    static final int MAX_THREADS = 1024;

    @Option(names = "--engine", paramLabel = "aggregate|agent", defaultValue = "aggregate", completionCandidates = Names.class,
        description = "Market engine: 'aggregate' (expected values, deterministic) or 'agent' (individual users drawn from the"
            + " scenario's seed; same seed, same output for any --threads). Default: ${DEFAULT-VALUE}.")
    String engine = EngineKind.AGGREGATE.id();

    @Option(names = "--users", paramLabel = "N",
        description = "Agent engine: simulated users per run (default: 1000000 for run, 200000 for equilibrium and claims)."
            + " Segments get their share of the population (at least 1%% of N, or all their members if fewer); each user"
            + " stands for its segment's population / its simulated users.")
    Integer users;

    @Option(names = "--threads", paramLabel = "T",
        description = "Agent engine, or claims --uncertainty: worker threads (default: the number of processors). Changes the speed, not the result.")
    Integer threads;

    /**
     * The chosen engine's kind, before anything is loaded or run.
     *
     * @throws InputException naming the option: an unknown engine, agent options with the
     *     aggregate engine, or numbers out of range
     */
    EngineKind kind() {
        return kind(false);
    }

    /** As {@link #kind()}; {@code threadsRunWorlds}: --threads is also allowed with the aggregate engine (parallel worlds). */
    EngineKind kind(boolean threadsRunWorlds) {
        EngineKind kind;
        try {
            kind = EngineKind.parse(engine);
        } catch (IllegalArgumentException e) {
            throw InputException.ofField("--engine", e.getMessage());
        }
        boolean agent = kind == EngineKind.AGENT;
        if (!agent && users != null) throw InputException.ofField("--users", "only for --engine agent");
        if (!agent && threads != null && !threadsRunWorlds) throw InputException.ofField("--threads", "only for --engine agent");
        checkCounts(users, threads);
        return kind;
    }

    /** --users at least 1 and --threads from 1 to {@link #MAX_THREADS}, each when given. */
    static void checkCounts(Integer users, Integer threads) {
        if (users != null && users < 1) throw InputException.ofField("--users", "must be a whole number >= 1, was " + users);
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw InputException.ofField("--threads", "must be a whole number from 1 to " + MAX_THREADS + ", was " + threads);
        }
    }

    /** Simulated users of an agent run: --users, else the command's default. */
    int users(int defaultUsers) {
        return users == null ? defaultUsers : users;
    }

    /**
     * The engine for runs of {@code base}: the agent engine with its users, threads (default: every
     * processor) and progress, after checking that its users fit in memory.
     *
     * @throws InputException as {@link #kind()}, or naming --users when they would not fit in the heap
     */
    Engine create(Catalog catalog, Scenario base, int defaultUsers, ProgressListener progress) {
        EngineKind kind = kind();
        if (kind != EngineKind.AGENT) return Engines.create(kind, catalog, null);
        int n = users(defaultUsers);
        AgentMemory.check("--users", n, 1, base.network(), AgentMemory.availableBytes());
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        return Engines.create(kind, catalog, new AgentOptions(n, t, null, progress));
    }

    /** The words shell completion offers for --engine. */
    static final class Names implements Iterable<String> {
        @Override public Iterator<String> iterator() {
            return Arrays.stream(EngineKind.values()).map(EngineKind::id).iterator();
        }
    }
}
