package owsim.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The bounded queue of market runs, agent runs and claims: at most {@code workers} run at once,
 * at most {@code capacity} wait (more are refused with 503 rather than queued without end), and
 * each is stopped after the per-run timeout. Ended jobs are remembered, the oldest forgotten first.
 */
final class RunQueue implements AutoCloseable {
    /** Ended jobs kept for their status and outcome. */
    static final int REMEMBERED = 200;

    private final CommandRunner runner;
    private final ThreadPoolExecutor pool;
    private final long timeoutNanos;
    private final int capacity;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final SecureRandom ids = new SecureRandom();

    RunQueue(CommandRunner runner, int workers, int capacity, long timeoutSeconds) {
        this.runner = runner;
        this.capacity = capacity;
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "owsim-run");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a command; 503 if the queue is full. */
    Job submit(String kind, List<String> args) {
        return submitWithId(newId(), kind, args);
    }

    /** Queues a command under an id from {@link #newId} (that of the run directory it writes). */
    Job submitWithId(String id, String kind, List<String> args) {
        Job job = new Job(id, kind, args, timeoutNanos);
        synchronized (jobs) {
            forgetOldest();
            jobs.put(job.id(), job);
        }
        try {
            pool.execute(() -> job.runWith(runner));
        } catch (RejectedExecutionException e) {
            synchronized (jobs) {
                jobs.remove(job.id());
            }
            throw new BadRequest(503, Problem.of("the server is busy: " + capacity + " runs are waiting already; try again shortly"));
        }
        return job;
    }

    /** The job of this id, or null. */
    Job job(String id) {
        synchronized (jobs) {
            return jobs.get(id);
        }
    }

    long timeoutSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(timeoutNanos);
    }

    private void forgetOldest() {
        int ended = 0;
        for (Job j : jobs.values()) if (j.ended()) ended++;
        Iterator<Job> it = jobs.values().iterator();
        while (ended > REMEMBERED && it.hasNext()) {
            if (it.next().ended()) {
                it.remove();
                ended--;
            }
        }
    }

    /** A fresh id: 16 random hex digits, so one client cannot guess another's job. */
    String newId() {
        byte[] b = new byte[8];
        ids.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override public void close() {
        synchronized (jobs) {
            for (Job j : jobs.values()) j.cancel();
        }
        pool.shutdownNow();
    }
}
