package owsim.progress;

import java.util.function.LongSupplier;

/**
 * Counts work done by one job and passes snapshots to a {@link ProgressListener}, at most once
 * per {@code minIntervalNanos} (so a fast loop does not flood the display) and always at the end.
 * Call it from the thread that coordinates the job, not from worker threads.
 */
public final class ProgressMeter {
    /** Default spacing of snapshots: 5 per second is smooth enough for a terminal. */
    public static final long DEFAULT_INTERVAL_NANOS = 200_000_000L;

    private final String task;
    private final long total;
    private final ProgressListener listener;
    private final LongSupplier nanoClock;
    private final long minIntervalNanos;
    private final long start;
    private long done;
    private long lastReport;

    public ProgressMeter(String task, long total, ProgressListener listener) {
        this(task, total, listener, System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    /** With an explicit clock, for tests. */
    public ProgressMeter(String task, long total, ProgressListener listener, LongSupplier nanoClock, long minIntervalNanos) {
        this.task = task;
        this.total = total;
        this.listener = listener;
        this.nanoClock = nanoClock;
        this.minIntervalNanos = minIntervalNanos;
        this.start = nanoClock.getAsLong();
        this.lastReport = start;
    }

    /** Adds {@code units} of work; reports if the interval has passed or the job is complete. */
    public void advance(long units) {
        done += units;
        long now = nanoClock.getAsLong();
        if (done >= total || now - lastReport >= minIntervalNanos) {
            lastReport = now;
            listener.onProgress(new Progress(task, done, total, now - start));
        }
    }

    public long done() {
        return done;
    }
}
