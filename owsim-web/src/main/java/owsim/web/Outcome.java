package owsim.web;

/**
 * What one command printed and returned.
 *
 * @param exitCode 0 success, 2 bad input, 1 anything else (as the command line's)
 * @param stdout the result, exactly as the command printed it
 * @param problem why it failed (null on success)
 */
public record Outcome(int exitCode, String stdout, Problem problem) {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
}
