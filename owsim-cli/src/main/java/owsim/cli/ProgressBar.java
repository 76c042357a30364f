package owsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import owsim.progress.Progress;
import owsim.progress.ProgressListener;

/**
 * Draws a job's progress on one terminal line (carriage return, no scrolling): a bar, percent
 * done, rate and time left. Silent for the first second so quick jobs print nothing; ends the
 * line when the job finishes.
 */
final class ProgressBar implements ProgressListener {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final String unit;
    private boolean shown;

    ProgressBar(PrintWriter err, String unit) {
        this.err = err;
        this.unit = unit;
    }

    @Override public void onProgress(Progress p) {
        if (!shown && p.elapsedNanos() < QUIET_NANOS) return;
        shown = true;
        err.print("\r" + line(p, unit));
        if (p.isFinished()) err.println();
        err.flush();
    }

    /** The bar's text for a snapshot. */
    static String line(Progress p, String unit) {
        int filled = (int) Math.round(p.fraction() * WIDTH);
        String bar = "#".repeat(filled) + " ".repeat(WIDTH - filled);
        double eta = p.etaSeconds();
        String left = p.isFinished() ? "done in " + clock(p.elapsedSeconds()) : "ETA " + (Double.isNaN(eta) ? "?" : clock(eta));
        return String.format(Locale.ROOT, "%s [%s] %3.0f%%  %s %s/s  %s", p.task(), bar, 100 * p.fraction(), rate(p.ratePerSecond()), unit, left);
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e9) return String.format(Locale.ROOT, "%.2f G", perSecond / 1e9);
        if (perSecond >= 1e6) return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        if (perSecond >= 1e3) return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
