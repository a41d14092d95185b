package dev.arbor.token.adapter.in.rest;

/** Ends a request with a {@link Problem}; an expected outcome, so it carries no stack trace. */
public final class ProblemException extends RuntimeException {
    private final Problem problem;
    private final String challenge;

    public ProblemException(Problem problem, String challenge) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.challenge = challenge;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "Bad Request", detail), null);
    }

    public Problem problem() {
        return problem;
    }

    /** A {@code WWW-Authenticate} value (RFC 6750 §3) for 401 and 403, or null. */
    public String challenge() {
        return challenge;
    }
}
