package owsim.web;

/**
 * A failure as the client sees it: the command line's one-line message, and the request
 * parameter or scenario field it is about (null if none). Never a stack trace.
 *
 * @param error the message, as the command line prints it after "owsim: "
 * @param field the query parameter ("gpus") or scenario field ("labs[0].researchers") at fault, or null
 * @param line the scenario line at fault (1-based), or 0
 */
public record Problem(String error, String field, int line) {
    public static Problem of(String error) {
        return new Problem(error, null, 0);
    }

    public static Problem ofField(String field, String error) {
        return new Problem(error, field, 0);
    }
}
