package owsim.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a Spark sweep on standard error: Spark reports each finished task (a partition of
 * the runs) to this listener on its event thread, and every {@value #INTERVAL_SECONDS} seconds it
 * prints one plain line: tasks done, runs that makes, rate, time left.
 * Plain lines, not a redrawn bar: the owsim command copies the Spark JVM's output line by line.
 */
final class TaskProgress extends SparkListener {
    static final long INTERVAL_SECONDS = 10;

    private final int tasks;
    private final long runs;
    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long start;
    private long lastLine;
    private int done;

    TaskProgress(int tasks, long runs, PrintWriter err, LongSupplier nanoClock) {
        this.tasks = tasks;
        this.runs = runs;
        this.err = err;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastLine = start;
    }

    @Override public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskInfo() != null && taskEnd.taskInfo().successful()) taskDone();
    }

    /** One more task finished; prints a line if the interval has passed since the last. */
    synchronized void taskDone() {
        if (done >= tasks) return; // later stages (the experiment table) are not runs
        done++;
        long now = nanoClock.getAsLong();
        // No line forced at the end: Spark delivers events asynchronously, the last may come after
        // the job has returned, and the command's summary line says the sweep is done anyway.
        if (now - lastLine < INTERVAL_SECONDS * 1_000_000_000L) return;
        lastLine = now;
        err.println(line(done, tasks, runs, (now - start) / 1e9));
        err.flush();
    }

    static String line(int done, int tasks, long runs, double seconds) {
        long runsDone = runs * done / tasks;
        double rate = seconds > 0 ? runsDone / seconds : 0;
        String left = done >= tasks ? "done in " + clock(seconds) : "ETA " + (rate > 0 ? clock((runs - runsDone) / rate) : "?");
        return String.format(Locale.ROOT, "runs %3.0f%%  %d/%d tasks (about %,d of %,d runs)  %.0f runs/s  %s",
            100.0 * done / tasks, done, tasks, runsDone, runs, rate, left);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
