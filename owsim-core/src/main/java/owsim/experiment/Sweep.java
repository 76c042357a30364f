package owsim.experiment;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import owsim.progress.ProgressListener;
import owsim.progress.ProgressMeter;

/**
 * Runs the runs of an experiment not yet done on a fixed pool of threads and hands finished runs
 * to one writer (the calling thread) in small batches. Results do not depend on the thread count:
 * every run's seed comes from its id alone.
 */
public final class Sweep {
    /** Most runs handed to the writer at once (one transaction each). */
    public static final int MAX_BATCH = 256;

    /** Receives finished runs on the calling thread; each call should be one transaction. */
    @FunctionalInterface
    public interface Writer {
        void write(List<RunOutput> runs) throws Exception;
    }

    private record Done(RunOutput output, RuntimeException error, int runId) {}

    private Sweep() {}

    /**
     * Makes every run whose id is not in {@code done}; returns how many were made.
     *
     * @throws IllegalStateException naming the run when one fails (runs already written stay written)
     */
    public static int run(ExperimentRunner runner, BitSet done, int threads, Writer writer, ProgressListener progress) throws Exception {
        int total = runner.totalRuns();
        int n = 0;
        for (int id = 0; id < total; id++) if (!done.get(id)) n++;
        int[] todo = new int[n];
        n = 0;
        for (int id = 0; id < total; id++) if (!done.get(id)) todo[n++] = id;
        ProgressMeter meter = new ProgressMeter("runs", todo.length, progress);
        if (todo.length == 0) return 0;
        LinkedBlockingQueue<Done> queue = new LinkedBlockingQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "owsim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    int i;
                    while (!stop.get() && (i = next.getAndIncrement()) < todo.length) {
                        int id = todo[i];
                        try {
                            queue.add(new Done(runner.run(id), null, id));
                        } catch (RuntimeException e) {
                            queue.add(new Done(null, e, id));
                        }
                    }
                });
            }
            int written = 0;
            List<RunOutput> batch = new ArrayList<>();
            List<Done> drained = new ArrayList<>();
            while (written < todo.length) {
                drained.clear();
                drained.add(queue.take());
                queue.drainTo(drained, MAX_BATCH - 1);
                batch.clear();
                RuntimeException failure = null;
                int failedId = -1;
                for (Done d : drained) {
                    if (d.error != null) {
                        if (failure == null) { failure = d.error; failedId = d.runId; }
                    } else {
                        batch.add(d.output);
                    }
                }
                if (!batch.isEmpty()) writer.write(List.copyOf(batch));
                written += batch.size();
                meter.advance(batch.size());
                if (failure != null) {
                    stop.set(true);
                    throw new IllegalStateException("run " + failedId + " failed: " + failure.getMessage(), failure);
                }
            }
            return written;
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
