package owsim.market.network;

import java.util.SplittableRandom;
import owsim.random.Seeds;

/**
 * Generators of social networks for word of mouth. Each runs in time proportional to the number
 * of edges, holds no edge list beside the finished CSR arrays, and is deterministic for a seed:
 * nodes are cut into blocks of {@value #BLOCK_NODES}, and each block draws from its own
 * {@link SplittableRandom} seeded by {@link Seeds#derive(long, long, long)} with the block index.
 * The degree distributions are described in the package documentation.
 */
public final class Networks {
    private Networks() {}

    /** Nodes per random-number block. */
    public static final int BLOCK_NODES = 1 << 14;

    /** Fully mixed: no edges; word of mouth uses the population share. */
    public static Network fullyMixed(int nodes) {
        return Network.fullyMixed(nodes);
    }

    /**
     * Erdős–Rényi G(n, p) with p = meanDegree / (n - 1): every pair is an edge independently.
     * Node i's edges to lower-numbered nodes are found by geometric skips (Batagelj and Brandes
     * 2005), so the cost is O(n + edges), not O(n^2).
     */
    public static Network erdosRenyi(int nodes, double meanDegree, long seed) {
        requireNodes(nodes, 2);
        if (!(meanDegree > 0) || meanDegree > nodes - 1) {
            throw new IllegalArgumentException("meanDegree: must be > 0 and <= nodes - 1 (" + (nodes - 1) + "), was " + meanDegree);
        }
        requireEdgeBudget(nodes, meanDegree);
        double p = meanDegree / (nodes - 1.0);
        double logQ = Math.log1p(-p);
        int blocks = blocks(nodes);
        CsrBuilder.EdgeSource source = new CsrBuilder.EdgeSource() {
            @Override public int blocks() {
                return blocks;
            }

            @Override public void emit(int block, CsrBuilder.EdgeSink sink) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.NETWORK_ERDOS_RENYI, block));
                int hi = Math.min(nodes, (block + 1) * BLOCK_NODES);
                for (int i = block * BLOCK_NODES; i < hi; i++) {
                    if (p >= 1) {
                        for (int j = 0; j < i; j++) sink.edge(i, j);
                        continue;
                    }
                    long j = -1;
                    while (true) {
                        // Gap to the next edge is geometric: floor(ln U / ln(1 - p)), U in (0, 1].
                        double u = 1.0 - rng.nextDouble();
                        j += 1 + (long) Math.floor(Math.log(u) / logQ);
                        if (j >= i) break;
                        sink.edge(i, (int) j);
                    }
                }
            }
        };
        return CsrBuilder.build("erdos-renyi(k=" + plain(meanDegree) + ")", nodes, source);
    }

    /**
     * Watts–Strogatz small world: a ring where each node links to its {@code k / 2} nearest
     * neighbours on each side, then each edge (i, i + d) is rewired with probability {@code beta}
     * to (i, j) with j uniform among the other nodes. A rewiring that duplicates an existing edge
     * is dropped (probability about k beta / n per edge), so the mean degree can fall short of k
     * by that tiny fraction; at beta = 0 every degree is exactly k.
     */
    public static Network wattsStrogatz(int nodes, int k, double beta, long seed) {
        requireNodes(nodes, 3);
        if (k < 2 || k % 2 != 0 || k >= nodes) {
            throw new IllegalArgumentException("k: must be an even whole number >= 2 and < nodes (" + nodes + "), was " + k);
        }
        if (!(beta >= 0 && beta <= 1)) throw new IllegalArgumentException("beta: must be between 0 and 1, was " + beta);
        requireEdgeBudget(nodes, k);
        int half = k / 2;
        int blocks = blocks(nodes);
        CsrBuilder.EdgeSource source = new CsrBuilder.EdgeSource() {
            @Override public int blocks() {
                return blocks;
            }

            @Override public void emit(int block, CsrBuilder.EdgeSink sink) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, Seeds.NETWORK_WATTS_STROGATZ, block));
                int hi = Math.min(nodes, (block + 1) * BLOCK_NODES);
                for (int i = block * BLOCK_NODES; i < hi; i++) {
                    for (int d = 1; d <= half; d++) {
                        int j = (int) ((i + (long) d) % nodes);
                        if (beta > 0 && rng.nextDouble() < beta) {
                            int t = rng.nextInt(nodes - 1);
                            j = t >= i ? t + 1 : t; // uniform over the other nodes
                        }
                        sink.edge(i, j);
                    }
                }
            }
        };
        return CsrBuilder.build("watts-strogatz(k=" + k + ",beta=" + plain(beta) + ")", nodes, source);
    }

    /**
     * Barabási–Albert preferential attachment: start from a clique of m + 1 nodes; each later node
     * links to m distinct existing nodes chosen with probability proportional to degree. Choosing
     * a uniform end of a uniform existing edge gives that probability in O(1) (Batagelj and
     * Brandes 2005); only the m targets per node are stored, the source of edge e being implied
     * by e. Growth is sequential by nature; node blocks still draw from their own streams.
     */
    public static Network barabasiAlbert(int nodes, int m, long seed) {
        if (m < 1) throw new IllegalArgumentException("m: must be a whole number >= 1, was " + m);
        requireNodes(nodes, m + 2);
        requireEdgeBudget(nodes, 2.0 * m);
        int core = m + 1;
        int coreEdges = core * (core - 1) / 2;
        int[] coreA = new int[coreEdges];
        int[] coreB = new int[coreEdges];
        int c = 0;
        for (int a = 0; a < core; a++) {
            for (int b = a + 1; b < core; b++) {
                coreA[c] = a;
                coreB[c] = b;
                c++;
            }
        }
        int[] targets = new int[Math.multiplyExact(nodes - core, m)];
        SplittableRandom rng = null;
        int rngBlock = -1;
        for (int v = core; v < nodes; v++) {
            int block = v / BLOCK_NODES;
            if (block != rngBlock) {
                rng = new SplittableRandom(Seeds.derive(seed, Seeds.NETWORK_BARABASI_ALBERT, block));
                rngBlock = block;
            }
            long existingEdges = coreEdges + (long) (v - core) * m;
            int base = (v - core) * m;
            for (int e = 0; e < m; e++) {
                int t;
                do {
                    long r = rng.nextLong(2 * existingEdges);
                    t = endpoint(r, coreEdges, coreA, coreB, core, m, targets);
                } while (contains(targets, base, base + e, t));
                targets[base + e] = t;
            }
        }
        CsrBuilder.EdgeSource source = new CsrBuilder.EdgeSource() {
            @Override public int blocks() {
                return 1;
            }

            @Override public void emit(int block, CsrBuilder.EdgeSink sink) {
                for (int e = 0; e < coreEdges; e++) sink.edge(coreA[e], coreB[e]);
                for (int e = 0; e < targets.length; e++) sink.edge(core + e / m, targets[e]);
            }
        };
        return CsrBuilder.build("barabasi-albert(m=" + m + ")", nodes, source);
    }

    /** End {@code r % 2} of edge {@code r / 2}, edges numbered core first, then m per new node. */
    private static int endpoint(long r, int coreEdges, int[] coreA, int[] coreB, int core, int m, int[] targets) {
        long e = r >>> 1;
        boolean second = (r & 1) != 0;
        if (e < coreEdges) return second ? coreB[(int) e] : coreA[(int) e];
        long k = e - coreEdges;
        return second ? targets[(int) k] : core + (int) (k / m);
    }

    private static boolean contains(int[] a, int from, int to, int value) {
        for (int i = from; i < to; i++) if (a[i] == value) return true;
        return false;
    }

    private static int blocks(int nodes) {
        return (nodes + BLOCK_NODES - 1) / BLOCK_NODES;
    }

    private static void requireNodes(int nodes, int min) {
        if (nodes < min) throw new IllegalArgumentException("nodes: must be a whole number >= " + min + ", was " + nodes);
    }

    /** CSR arrays are int-indexed: n * meanDegree edge ends must fit, with room for ER's spread. */
    private static void requireEdgeBudget(int nodes, double meanDegree) {
        if ((double) nodes * meanDegree > 0.9 * Integer.MAX_VALUE) {
            throw new IllegalArgumentException("nodes x mean degree: must be below " + (long) (0.9 * Integer.MAX_VALUE)
                + " edge ends, was " + (long) ((double) nodes * meanDegree));
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
