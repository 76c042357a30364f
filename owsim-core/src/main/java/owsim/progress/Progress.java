package owsim.progress;

/**
 * A snapshot of a long job: {@code done} of {@code total} units (user-months, runs, ...) after
 * {@code elapsedNanos}. Rate and time left follow from these; the command line renders them.
 */
public record Progress(String task, long done, long total, long elapsedNanos) {

    public Progress {
        if (total < 0 || done < 0) throw new IllegalArgumentException("done and total must be >= 0");
    }

    /** Fraction done, 0..1 (1 when total is 0). */
    public double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** Units per second so far; 0 before any time has passed. */
    public double ratePerSecond() {
        return elapsedNanos <= 0 ? 0 : done / elapsedSeconds();
    }

    /** Seconds left at the rate so far; NaN while the rate is unknown. */
    public double etaSeconds() {
        double rate = ratePerSecond();
        return rate > 0 ? Math.max(0, total - done) / rate : Double.NaN;
    }

    public boolean isFinished() {
        return done >= total;
    }
}
