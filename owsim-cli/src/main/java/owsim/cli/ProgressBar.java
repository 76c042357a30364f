package owsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import owsim.progress.Progress;
import owsim.progress.ProgressListener;

/**
 * Shows a job's progress on standard error: a bar, percent done, rate and time left. On a terminal
 * it redraws one line (carriage return, no scrolling); into a file or pipe it writes a plain line
 * every {@value #LOG_INTERVAL_SECONDS} seconds instead, so a log has no carriage-return frames.
 * Silent for the first second so quick jobs print nothing; ends with a "done" line if it showed anything.
 */
final class ProgressBar implements ProgressListener {
    /** Environment variable the launcher sets to 1 when standard error is a terminal, 0 when not. */
    static final String TTY_VARIABLE = "OWSIM_STDERR_TTY";
    private static final long QUIET_NANOS = 1_000_000_000L;
    static final long LOG_INTERVAL_SECONDS = 10;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final String unit;
    private final boolean terminal;
    private boolean shown;
    private long lastLineNanos;

    /**
     * @param terminal whether {@code err} is a terminal: redraw one line, else write a plain line now and then
     */
    ProgressBar(PrintWriter err, String unit, boolean terminal) {
        this.err = err;
        this.unit = unit;
        this.terminal = terminal;
    }

    /** A bar on this process's standard error (given as {@code err}), drawn only if that is a terminal. */
    static ProgressBar onStderr(PrintWriter err, String unit) {
        return new ProgressBar(err, unit, stderrIsTerminal());
    }

    /**
     * Whether standard error is a terminal. Java 17 cannot ask about one stream: the launcher
     * script tests it ({@code [ -t 2 ]}) and says so in {@value #TTY_VARIABLE}; without it
     * (java -jar), a console (stdin and stdout on a terminal) is the best guess.
     */
    static boolean stderrIsTerminal() {
        String v = System.getenv(TTY_VARIABLE);
        if (v != null) return v.equals("1");
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override public void onProgress(Progress p) {
        if (!shown && p.elapsedNanos() < QUIET_NANOS) return;
        if (terminal) {
            err.print("\r" + line(p, unit));
            if (p.isFinished()) err.println();
        } else {
            boolean due = !shown || p.elapsedNanos() - lastLineNanos >= LOG_INTERVAL_SECONDS * 1_000_000_000L;
            if (!due && !p.isFinished()) return;
            err.println(line(p, unit));
            lastLineNanos = p.elapsedNanos();
        }
        shown = true;
        err.flush();
    }

    /** The bar's text for a snapshot. */
    static String line(Progress p, String unit) {
        int filled = (int) Math.round(p.fraction() * WIDTH);
        String bar = "#".repeat(filled) + " ".repeat(WIDTH - filled);
        double eta = p.etaSeconds();
        String left = p.isFinished() ? "done in " + clock(p.elapsedSeconds()) : "ETA " + (Double.isNaN(eta) ? "?" : clock(eta));
        return String.format(Locale.ROOT, "%s [%s] %3.0f%%  %s/%s  %s %s/s  %s", p.task(), bar, 100 * p.fraction(), count(p.done()),
            count(p.total()), rate(p.ratePerSecond()), unit, left);
    }

    /** A count, shortened above 10,000 (12.3 M) so the line fits a terminal. */
    private static String count(long n) {
        return n < 10_000 ? Long.toString(n) : rate(n).replace(" ", "");
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e9) return String.format(Locale.ROOT, "%.2f G", perSecond / 1e9);
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        if (perSecond >= 10 || perSecond == 0) return String.format(Locale.ROOT, "%.0f", perSecond);
        return String.format(Locale.ROOT, "%.2f", perSecond);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
