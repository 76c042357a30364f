package owsim.web;

/**
 * What one command printed and returned.
 *
 * @param exitCode 0 success, 2 bad input, 1 anything else (as the command line's)
 * @param stdout the result, exactly as the command printed it
 * @param problem why it failed (null on success)
 * @param files the run's files still to be made, when the command left them for later; null when it wrote its files
 *     (or has none)
 */
public record Outcome(int exitCode, String stdout, Problem problem, LazyFiles files) {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    /** An outcome whose files, if any, are written already. */
    public Outcome(int exitCode, String stdout, Problem problem) {
        this(exitCode, stdout, problem, null);
    }
}
