package dev.arbor.federation.adapter.in.rest;

/** Ends a request with a {@link Problem}; an expected outcome, so it carries no stack trace. */
public final class ProblemException extends RuntimeException {
    private final Problem problem;
    private final String challenge;

    public ProblemException(Problem problem, String challenge) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.challenge = challenge;
    }

    public static ProblemException unknownRealm() {
        return new ProblemException(Problem.of(404, "Not Found", "The realm does not exist."), null);
    }

    public Problem problem() {
        return problem;
    }

    /** A {@code WWW-Authenticate} value for 401s, or null. */
    public String challenge() {
        return challenge;
    }
}
