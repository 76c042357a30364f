package owsim.market;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The market engines by name: the one place a name such as {@code agent} (an experiment file's
 * {@code engine:}, the command line's {@code --engine}, a run's {@code summary.json}) becomes an
 * engine. A new engine is a constant here; {@code owsim.market.engines.Engines} builds it.
 */
public enum EngineKind {
    /** Expected values: shares of each user class, deterministic (the seed changes nothing). */
    AGGREGATE("aggregate", false),
    /** Individual users in arrays: the seed draws them and their choices; any thread count gives the same bytes. */
    AGENT("agent", true);

    private final String id;
    private final boolean stochastic;

    EngineKind(String id, boolean stochastic) {
        this.id = id;
        this.stochastic = stochastic;
    }

    /** The name written in files and on the command line, e.g. {@code aggregate}. */
    public String id() { return id; }

    /** Whether runs of one scenario on different seeds differ, so that replications measure noise. */
    public boolean stochastic() { return stochastic; }

    @Override public String toString() { return id; }

    /**
     * The engine of a name.
     *
     * @throws IllegalArgumentException naming the allowed names
     */
    public static EngineKind parse(String name) {
        for (EngineKind k : values()) if (k.id.equals(name)) return k;
        throw new IllegalArgumentException("must be " + allowed() + ", was '" + name + "'");
    }

    /** The allowed names for a message: {@code 'aggregate' or 'agent'}. */
    public static String allowed() {
        String[] quoted = Arrays.stream(values()).map(k -> "'" + k.id + "'").toArray(String[]::new);
        if (quoted.length == 1) return quoted[0];
        return Arrays.stream(quoted, 0, quoted.length - 1).collect(Collectors.joining(", ")) + " or " + quoted[quoted.length - 1];
    }
}
