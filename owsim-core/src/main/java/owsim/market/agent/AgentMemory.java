package owsim.market.agent;

import java.util.Locale;
import owsim.io.InputException;
import owsim.scenario.NetworkSpec;

/**
 * The heap an agent run needs, estimated before it starts, so that too many users is refused
 * with the option and the limit instead of failing with OutOfMemoryError part way through.
 */
public final class AgentMemory {
    /**
     * Per simulated user: segment, VRAM class, two adoption flags (1 byte each), usage and
     * willingness to pay (float), known labs (int), this and next month's option and the user's
     * class (short): 22 bytes (see {@link Population} and AgentEngine.Users).
     */
    static final long POPULATION_BYTES_PER_USER = 22;
    /**
     * A network's peak while it is built (CsrBuilder): offsets and cursor (4 + 4 bytes per node),
     * the neighbour list (4 bytes per link end), then the deduplicated copy of both.
     */
    static final long NETWORK_BYTES_PER_NODE = 16;
    static final long NETWORK_BYTES_PER_LINK_END = 8;

    private AgentMemory() {}

    /** Bytes one run of {@code users} users on this network needs at its peak. */
    public static long bytes(long users, NetworkSpec network) {
        return users * bytesPerUser(network);
    }

    static long bytesPerUser(NetworkSpec network) {
        long perUser = POPULATION_BYTES_PER_USER;
        if (network == null) return perUser;
        double degree = switch (network.kind()) {
            case FULLY_MIXED -> 0;
            case ERDOS_RENYI, WATTS_STROGATZ -> network.meanDegree();
            case BARABASI_ALBERT -> 2.0 * network.edgesPerNode();
        };
        if (degree > 0) perUser += NETWORK_BYTES_PER_NODE + (long) Math.ceil(degree * NETWORK_BYTES_PER_LINK_END);
        return perUser;
    }

    /** Heap this JVM can still give: its maximum less what is in use now. */
    public static long availableBytes() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Refuses {@code runsAtOnce} runs of {@code users} users each when they would not fit in four
     * fifths of {@code availableBytes}; the error names {@code option} and the most users that fit.
     */
    public static void check(String option, long users, int runsAtOnce, NetworkSpec network, long availableBytes) {
        long perUser = bytesPerUser(network);
        long need = users * perUser * runsAtOnce;
        // A fifth of the free heap is left for what a run allocates besides its users (monthly
        // tallies, series, the results store): a 2-run sweep of 4.2M users each in a 200 MB heap,
        // 185 MB by the arrays alone, ran out of memory; 3.5M each (154 MB) did not.
        long usable = availableBytes / 5 * 4;
        if (need <= usable) return;
        long fit = usable / (perUser * runsAtOnce);
        String at = runsAtOnce > 1 ? String.format(Locale.ROOT, " x %d runs at once", runsAtOnce) : "";
        throw InputException.ofField(option, String.format(Locale.ROOT,
            "%,d users%s need about %s of heap (%d bytes per user), but this Java has about %s free; "
                + "the limit here is %,d users. Use fewer, or give Java more heap (OWSIM_JAVA_OPTS=-Xmx8g)",
            users, at, gib(need), perUser, gib(availableBytes), fit));
    }

    private static String gib(long bytes) {
        if (bytes < 1L << 30) return String.format(Locale.ROOT, "%,d MiB", Math.round(bytes / (double) (1L << 20)));
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
