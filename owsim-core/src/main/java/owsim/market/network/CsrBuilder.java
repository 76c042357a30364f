package owsim.market.network;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * Builds a {@link Network} from a replayable edge source in two passes (count degrees, then fill),
 * so no edge list is ever held in memory: the source re-creates each block's edges from the same
 * per-block seed. Self loops are dropped; each list is then sorted and duplicate edges removed
 * (both ends lose the duplicate, so the result stays symmetric).
 */
final class CsrBuilder {
    private CsrBuilder() {}

    /** Receives one undirected edge. */
    interface EdgeSink {
        void edge(int a, int b);
    }

    /** Replays the edges of block {@code block}; calling it twice must give the same edges. */
    interface EdgeSource {
        int blocks();

        void emit(int block, EdgeSink sink);
    }

    static Network build(String kind, int nodes, EdgeSource source) {
        return source.blocks() > 1 ? buildParallel(kind, nodes, source) : buildSequential(kind, nodes, source);
    }

    private static Network buildSequential(String kind, int nodes, EdgeSource source) {
        int[] offsets = new int[nodes + 1];
        // Pass 1: degrees, counted at offsets[i + 1] so the prefix sum lands in place.
        for (int b = 0; b < source.blocks(); b++) {
            source.emit(b, (x, y) -> {
                if (x == y) return;
                offsets[x + 1]++;
                offsets[y + 1]++;
            });
        }
        prefixSum(offsets);
        int[] neighbours = new int[offsets[nodes]];
        int[] cursor = Arrays.copyOf(offsets, nodes);
        // Pass 2: fill.
        for (int b = 0; b < source.blocks(); b++) {
            source.emit(b, (x, y) -> {
                if (x == y) return;
                neighbours[cursor[x]++] = y;
                neighbours[cursor[y]++] = x;
            });
        }
        return sortAndDeduplicate(kind, nodes, offsets, neighbours);
    }

    /**
     * Blocks in parallel: an edge's far end may belong to another block, so counts and fill
     * cursors are atomic. The order in which a list is filled then depends on thread timing, but
     * every list is sorted afterwards, so the result is the same for any thread count.
     */
    private static Network buildParallel(String kind, int nodes, EdgeSource source) {
        AtomicIntegerArray degree = new AtomicIntegerArray(nodes + 1);
        IntStream.range(0, source.blocks()).parallel().forEach(b -> source.emit(b, (x, y) -> {
            if (x == y) return;
            degree.incrementAndGet(x + 1);
            degree.incrementAndGet(y + 1);
        }));
        int[] offsets = new int[nodes + 1];
        for (int i = 1; i <= nodes; i++) offsets[i] = degree.get(i);
        prefixSum(offsets);
        int[] neighbours = new int[offsets[nodes]];
        AtomicIntegerArray cursor = degree; // reuse: cursor[i] starts at offsets[i]
        for (int i = 0; i < nodes; i++) cursor.set(i, offsets[i]);
        IntStream.range(0, source.blocks()).parallel().forEach(b -> source.emit(b, (x, y) -> {
            if (x == y) return;
            neighbours[cursor.getAndIncrement(x)] = y;
            neighbours[cursor.getAndIncrement(y)] = x;
        }));
        return sortAndDeduplicate(kind, nodes, offsets, neighbours);
    }

    /** Turns counts at [1..n] into offsets in place; fails if the edge ends overflow an int index. */
    private static void prefixSum(int[] offsets) {
        long total = 0;
        for (int i = 1; i < offsets.length; i++) {
            total += offsets[i];
            if (total > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("network too large: more than " + (Integer.MAX_VALUE / 2)
                    + " edges; lower the node count or the mean degree");
            }
            offsets[i] = (int) total;
        }
    }

    private static Network sortAndDeduplicate(String kind, int nodes, int[] offsets, int[] neighbours) {
        int[] kept = new int[nodes];
        IntStream.range(0, (nodes + 4095) / 4096).parallel().forEach(blk -> {
            int hi = Math.min(nodes, (blk + 1) * 4096);
            for (int i = blk * 4096; i < hi; i++) {
                int lo = offsets[i];
                int end = offsets[i + 1];
                Arrays.sort(neighbours, lo, end);
                int w = lo;
                for (int r = lo; r < end; r++) {
                    if (w == lo || neighbours[w - 1] != neighbours[r]) neighbours[w++] = neighbours[r];
                }
                kept[i] = w - lo;
            }
        });
        long keptTotal = 0;
        for (int k : kept) keptTotal += k;
        if (keptTotal == neighbours.length) return new Network(kind, nodes, offsets, neighbours);
        int[] newOffsets = new int[nodes + 1];
        int[] packed = new int[(int) keptTotal];
        int w = 0;
        for (int i = 0; i < nodes; i++) {
            newOffsets[i] = w;
            System.arraycopy(neighbours, offsets[i], packed, w, kept[i]);
            w += kept[i];
        }
        newOffsets[nodes] = w;
        return new Network(kind, nodes, newOffsets, packed);
    }
}
