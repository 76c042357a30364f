package owsim.market.network;

/**
 * An undirected social network in compressed sparse row form: the neighbours of node {@code i}
 * are {@code neighbours[offsets[i] .. offsets[i + 1])}, sorted, without self loops or duplicates,
 * and every edge appears in both end points' lists. A fully mixed network has no edges at all:
 * word of mouth then uses the population share instead of a neighbourhood share.
 *
 * <p>The arrays are shared, not copied (a 10-million-node network holds hundreds of megabytes):
 * callers must treat them as read-only.
 */
public final class Network {
    private final String kind;
    private final int nodes;
    private final int[] offsets;
    private final int[] neighbours;

    Network(String kind, int nodes, int[] offsets, int[] neighbours) {
        this.kind = kind;
        this.nodes = nodes;
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    /** The fully mixed population of {@code nodes} users: no edges. */
    public static Network fullyMixed(int nodes) {
        if (nodes <= 0) throw new IllegalArgumentException("nodes: must be a whole number > 0, was " + nodes);
        return new Network("fully-mixed", nodes, null, null);
    }

    /** True when there are no edges and word of mouth uses the population share. */
    public boolean isFullyMixed() {
        return offsets == null;
    }

    /** A short description such as "erdos-renyi(k=10)". */
    public String kind() {
        return kind;
    }

    public int nodes() {
        return nodes;
    }

    /** Number of undirected edges. */
    public long edges() {
        return neighbours == null ? 0 : neighbours.length / 2;
    }

    public int degree(int node) {
        return offsets == null ? 0 : offsets[node + 1] - offsets[node];
    }

    /** Mean degree, 2 E / n. */
    public double meanDegree() {
        return 2.0 * edges() / nodes;
    }

    /** Offsets into {@link #neighbours()}, length nodes + 1; null when fully mixed. Read-only. */
    public int[] offsets() {
        return offsets;
    }

    /** Neighbour lists back to back; null when fully mixed. Read-only. */
    public int[] neighbours() {
        return neighbours;
    }

    /** True when {@code b} is a neighbour of {@code a} (binary search in a's sorted list). */
    public boolean hasEdge(int a, int b) {
        if (offsets == null) return false;
        return java.util.Arrays.binarySearch(neighbours, offsets[a], offsets[a + 1], b) >= 0;
    }

    /** Memory held by the arrays, in bytes (4 per offset and 4 per edge end). */
    public long bytes() {
        return offsets == null ? 0 : 4L * offsets.length + 4L * neighbours.length;
    }

    @Override public String toString() {
        return kind + " n=" + nodes + " edges=" + edges();
    }
}
