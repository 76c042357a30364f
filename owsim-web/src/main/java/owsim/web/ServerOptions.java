package owsim.web;

import java.nio.file.Path;

/**
 * How {@code owsim serve} listens and what it allows.
 *
 * @param host the address to bind (loopback unless the user says otherwise)
 * @param port the port (0: any free one)
 * @param data the only directory the server reads results stores from and writes runs into
 * @param maxBodyBytes the largest request body (a posted scenario) accepted
 * @param workers runs (market, agent, claims) executed at once
 * @param queueCapacity runs that may wait for a worker; more are refused with 503
 * @param runTimeoutSeconds a run still going after this long is stopped
 * @param maxAgentUsers the most users an agent run may ask for
 */
public record ServerOptions(String host, int port, Path data, int maxBodyBytes, int workers, int queueCapacity, long runTimeoutSeconds,
                            int maxAgentUsers) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /** A scenario is a few kilobytes; the default one about 20 KB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    public static final int DEFAULT_QUEUE = 64;
    public static final long DEFAULT_RUN_TIMEOUT_SECONDS = 120;
    public static final int DEFAULT_MAX_AGENT_USERS = 2_000_000;

    public ServerOptions {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("--port must be 0..65535, was " + port);
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1");
    }

    /** The defaults on a port, with the data directory given. */
    public static ServerOptions defaults(String host, int port, Path data) {
        return new ServerOptions(host, port, data, DEFAULT_MAX_BODY_BYTES, Math.max(1, Runtime.getRuntime().availableProcessors()),
            DEFAULT_QUEUE, DEFAULT_RUN_TIMEOUT_SECONDS, DEFAULT_MAX_AGENT_USERS);
    }

    public ServerOptions withLimits(int maxBodyBytes, int workers, int queueCapacity, long runTimeoutSeconds, int maxAgentUsers) {
        return new ServerOptions(host, port, data, maxBodyBytes, workers, queueCapacity, runTimeoutSeconds, maxAgentUsers);
    }
}
