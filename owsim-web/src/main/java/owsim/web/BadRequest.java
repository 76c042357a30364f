package owsim.web;

/** A request the server refuses before running anything: an HTTP status and the problem to show. */
final class BadRequest extends RuntimeException {
    private final int status;
    private final transient Problem problem;

    BadRequest(int status, Problem problem) {
        super(problem.error(), null, false, false);
        this.status = status;
        this.problem = problem;
    }

    static BadRequest field(String field, String message) {
        return new BadRequest(400, Problem.ofField(field, message));
    }

    int status() {
        return status;
    }

    Problem problem() {
        return problem;
    }
}
