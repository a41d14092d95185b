package dev.arbor.authtree.node;

/**
 * A node could not decide because a peer it needs (script-runner, a store) did not answer. The engine
 * fails the journey closed: it never takes an outcome for the node, ends the journey and answers with a
 * clear error that names no internals.
 */
public class DependencyUnavailableException extends RuntimeException {
    private final String dependency;

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable", cause);
        this.dependency = dependency;
    }

    /** What was unreachable, e.g. {@code script-runner}; for logs and the journey.failed event. */
    public String dependency() {
        return dependency;
    }
}
