package owsim.cli;

import owsim.io.InputException;

/** Checks the --engine, --users and --threads options of the commands that can run either market engine. */
final class EngineFlags {
    private EngineFlags() {}

    /**
     * Whether the agent engine is chosen.
     *
     * @throws InputException naming the option: an unknown engine, agent options with the
     *     aggregate engine, or numbers out of range
     */
    static boolean agent(String engine, Integer users, Integer threads) {
        boolean agent = switch (engine) {
            case "aggregate" -> false;
            case "agent" -> true;
            default -> throw InputException.ofField("--engine", "must be 'aggregate' or 'agent', was '" + engine + "'");
        };
        if (!agent && users != null) throw InputException.ofField("--users", "only for --engine agent");
        if (!agent && threads != null) throw InputException.ofField("--threads", "only for --engine agent");
        if (users != null && users < 1) throw InputException.ofField("--users", "must be a whole number >= 1, was " + users);
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw InputException.ofField("--threads", "must be a whole number from 1 to 1024, was " + threads);
        }
        return agent;
    }
}
