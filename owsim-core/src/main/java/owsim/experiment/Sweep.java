package owsim.experiment;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import owsim.io.InputException;
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

    /** Receives finished items of any kind on the calling thread; each call should be one transaction. */
    @FunctionalInterface
    public interface Sink<T> {
        void write(List<T> items) throws Exception;
    }

    private record Done<T>(T output, Throwable error, int runId) {}

    /**
     * A run failed with something other than bad input (an Error such as OutOfMemoryError, or a
     * bug): the sweep stopped, the runs written before it stay written, and the message says so.
     */
    public static final class SweepFailedException extends RuntimeException {
        public SweepFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Sweep() {}

    /** Adds finished runs to {@code batch} until it holds {@code max} or the commit interval has passed. */
    private static <T> void collect(LinkedBlockingQueue<Done<T>> queue, List<Done<T>> batch, int max) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COMMIT_INTERVAL_MS);
        while (batch.size() < max) {
            queue.drainTo(batch, max - batch.size());
            if (batch.size() >= max) return;
            long wait = deadline - System.nanoTime();
            if (wait <= 0) return;
            Done<T> d = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (d == null) return;
            batch.add(d);
        }
    }

    private static void awaitWorkers(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static RuntimeException failed(int runId, Throwable t, int written) {
        // Bad input keeps its own message (file, line, field) and exit code.
        if (t instanceof InputException e) return e;
        String why;
        if (t instanceof OutOfMemoryError) {
            why = "out of memory (" + t.getMessage() + "); give Java more (java -Xmx...) or use fewer --threads";
        } else if (t instanceof StackOverflowError) {
            why = "stack overflow";
        } else {
            why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        }
        return new SweepFailedException(stopped(written, "run " + runId + " failed: " + why), t);
    }

    private static String stopped(int written, String why) {
        return "the sweep stopped: " + why + ". " + (written == 1 ? "The 1 run" : String.format(Locale.ROOT, "The %,d runs", written))
            + " made in this sweep " + (written == 1 ? "is" : "are") + " stored; run the same command again to resume.";
    }

    /**
     * Makes every run whose id is not in {@code done}; returns how many were made.
     *
     * @throws SweepFailedException or InputException naming the run when one fails (runs already written stay written)
     */
    public static int run(ExperimentRunner runner, BitSet done, int threads, Writer writer, ProgressListener progress) throws Exception {
        return run(runner.totalRuns(), runner::run, done, threads, writer, progress);
    }

    /**
     * Makes runs {@code 0 .. total - 1} not in {@code done} with {@code runs}. A run that fails
     * with bad input rethrows its {@link InputException} unchanged; any other
     * failure, an Error included, becomes a {@link SweepFailedException}. Either way the workers
     * stop, the runs finished before the failure are written, and nothing waits forever.
     */
    public static int run(int total, IntFunction<RunOutput> runs, BitSet done, int threads, Writer writer, ProgressListener progress) throws Exception {
        return runAll(total, runs, done, threads, writer::write, progress, "runs");
    }

    /**
     * The same for outputs of any kind (such as one claim's verdict in one sampled world): makes
     * items {@code 0 .. total - 1} not in {@code done}, hands them to {@code writer} in batches, and
     * reports progress counted in {@code unit}.
     */
    public static <T> int runAll(int total, IntFunction<T> runs, BitSet done, int threads, Sink<T> writer, ProgressListener progress,
                                 String unit) throws Exception {
        int n = 0;
        for (int id = 0; id < total; id++) if (!done.get(id)) n++;
        int[] todo = new int[n];
        n = 0;
        for (int id = 0; id < total; id++) if (!done.get(id)) todo[n++] = id;
        ProgressMeter meter = new ProgressMeter(unit, todo.length, progress);
        if (todo.length == 0) return 0;
        LinkedBlockingQueue<Done<T>> queue = new LinkedBlockingQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "owsim-sweep");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger working = new AtomicInteger(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    try {
                        int i;
                        while (!stop.get() && (i = next.getAndIncrement()) < todo.length) {
                            int id = todo[i];
                            try {
                                queue.add(new Done<>(runs.apply(id), null, id));
                            } catch (Throwable e) {
                                // Errors too: a worker that dies silently would leave the writer waiting forever.
                                stop.set(true);
                                queue.add(new Done<>(null, e, id));
                                return;
                            }
                        }
                    } finally {
                        working.decrementAndGet();
                    }
                });
            }
            int written = 0;
            List<T> batch = new ArrayList<>();
            List<Done<T>> drained = new ArrayList<>();
            while (written < todo.length) {
                drained.clear();
                Done<T> first = queue.poll(COMMIT_INTERVAL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    // No worker left and nothing queued: one died without reporting (it could not even queue its error).
                    if (working.get() == 0 && queue.isEmpty()) {
                        throw new SweepFailedException(stopped(written, "a worker thread stopped without a result (out of memory?)"), null);
                    }
                    continue;
                }
                drained.add(first);
                collect(queue, drained, Math.min(MAX_BATCH, todo.length - written));
                batch.clear();
                Throwable failure = null;
                int failedId = -1;
                for (Done<T> d : drained) {
                    if (d.error != null) {
                        if (failure == null) { failure = d.error; failedId = d.runId; }
                    } else {
                        batch.add(d.output);
                    }
                }
                if (failure != null) {
                    // Runs that finished while the failure was on its way are kept too.
                    stop.set(true);
                    awaitWorkers(pool);
                    int seen = drained.size();
                    queue.drainTo(drained);
                    for (Done<T> d : drained.subList(seen, drained.size())) if (d.error == null) batch.add(d.output);
                }
                if (!batch.isEmpty()) writer.write(List.copyOf(batch));
                written += batch.size();
                meter.advance(batch.size());
                if (failure != null) throw failed(failedId, failure, written);
            }
            return written;
        } finally {
            stop.set(true);
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
