package owsim.market.agent;

import owsim.progress.ProgressListener;
import owsim.scenario.NetworkSpec;

/**
 * How to run the agent engine: simulated users (each segment keeps its share of the scenario's
 * population, and each simulated user stands for population / users people), worker threads (the
 * result does not depend on them), the word-of-mouth network (null: the scenario's), and where
 * progress goes.
 */
public record AgentOptions(int users, int threads, NetworkSpec network, ProgressListener progressListener) {
    /** Users of a run when none are asked for. */
    public static final int DEFAULT_USERS = 1_000_000;

    public AgentOptions {
        if (users < 1) throw new IllegalArgumentException("users: must be a whole number >= 1, was " + users);
        if (threads < 1) throw new IllegalArgumentException("threads: must be a whole number >= 1, was " + threads);
        if (progressListener == null) progressListener = ProgressListener.NONE;
    }

    /** The given users on one thread, the scenario's network, no progress. */
    public static AgentOptions of(int users) {
        return new AgentOptions(users, 1, null, ProgressListener.NONE);
    }
}
