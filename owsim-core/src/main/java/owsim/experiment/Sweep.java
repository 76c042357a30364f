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
    /**
     * Longest a finished run waits for its transaction. Committing every run on its own cost the
     * writer a third of a core (a commit per run); a kill loses at most this much work, redone on resume.
     */
    public static final long COMMIT_INTERVAL_MS = 500;

    /** Receives finished runs on the calling thread; each call should be one transaction. */
    @FunctionalInterface
    public interface Writer {
        void write(List<RunOutput> runs) throws Exception;
    }

    private record Done(RunOutput output, RuntimeException error, int runId) {}

    private Sweep() {}

    /** Adds finished runs to {@code batch} until it holds {@code max} or the commit interval has passed. */
    private static void collect(LinkedBlockingQueue<Done> queue, List<Done> batch, int max) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COMMIT_INTERVAL_MS);
        while (batch.size() < max) {
            queue.drainTo(batch, max - batch.size());
            if (batch.size() >= max) return;
            long wait = deadline - System.nanoTime();
            if (wait <= 0) return;
            Done d = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (d == null) return;
            batch.add(d);
        }
    }

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
                collect(queue, drained, Math.min(MAX_BATCH, todo.length - written));
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
