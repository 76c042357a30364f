package owsim.market.agent;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * Runs a body once per block index on a fixed number of threads. Blocks are a fixed partition of
 * the users that never depends on the thread count, and each block draws from its own random
 * stream, so results are bit-identical for 1, 2 or 64 threads; threads only change the speed.
 */
final class BlockExecutor implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;
    /** Wall time spent inside {@link #forEachBlock} so far, for the benchmarks' serial share. */
    private long parallelNanos;

    /** @param threads worker threads, >= 1; 1 runs every block on the calling thread */
    public BlockExecutor(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads: must be a whole number >= 1, was " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    /** One thread per available processor. */
    public static BlockExecutor allCores() {
        return new BlockExecutor(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Calls {@code body} for every block in [0, blocks) and returns when all are done. */
    public void forEachBlock(int blocks, IntConsumer body) {
        long t0 = System.nanoTime();
        if (pool == null || blocks <= 1) {
            for (int b = 0; b < blocks; b++) body.accept(b);
        } else {
            pool.invoke(new Range(body, 0, blocks));
        }
        parallelNanos += System.nanoTime() - t0;
    }

    /** Wall time spent inside {@link #forEachBlock} since this executor was made, in nanoseconds. */
    long parallelNanos() {
        return parallelNanos;
    }

    @Override public void close() {
        if (pool != null) pool.shutdown();
    }

    /** Splits a range of blocks in halves until one block is left (work stealing balances the rest). */
    private static final class Range extends RecursiveAction {
        private final IntConsumer body;
        private final int lo;
        private final int hi;

        Range(IntConsumer body, int lo, int hi) {
            this.body = body;
            this.lo = lo;
            this.hi = hi;
        }

        @Override protected void compute() {
            if (hi - lo == 1) {
                body.accept(lo);
            } else {
                int mid = (lo + hi) >>> 1;
                invokeAll(new Range(body, lo, mid), new Range(body, mid, hi));
            }
        }
    }
}
