package owsim.market.engines;

import owsim.catalog.Catalog;
import owsim.market.Engine;
import owsim.market.EngineKind;
import owsim.market.agent.AgentEngine;
import owsim.market.agent.AgentOptions;
import owsim.market.aggregate.AggregateEngine;

/** Builds an engine by kind: where a name read from a file or the command line becomes an engine. */
public final class Engines {
    private Engines() {}

    /**
     * The engine of a kind. {@code agentOptions} (users, threads, network, progress) are the agent
     * engine's; the aggregate engine has none.
     *
     * @throws IllegalArgumentException when agent options are given to the aggregate engine, or
     *     none to the agent engine
     */
    public static Engine create(EngineKind kind, Catalog catalog, AgentOptions agentOptions) {
        return switch (kind) {
            case AGGREGATE -> {
                if (agentOptions != null) throw new IllegalArgumentException("agent options (users, threads): only for the agent engine");
                yield new AggregateEngine(catalog);
            }
            case AGENT -> {
                if (agentOptions == null) throw new IllegalArgumentException("the agent engine needs its options (users, threads)");
                yield new AgentEngine(catalog, agentOptions);
            }
        };
    }
}
