package dev.arbor.authtree.node;

/**
 * A script ran but decided nothing usable: script-runner returned an error (TIMEOUT, LIMIT, RUNTIME,
 * INVALID_OUTCOME, NOT_FOUND), an outcome the node does not declare, or wrote a state key no script may
 * write. It takes the same fail-closed path as an unreachable script-runner (it <em>is</em> a
 * {@link DependencyUnavailableException} for {@code script-runner}): the node never takes an outcome, the
 * engine ends the journey, and the client gets the same clear 503 that names no internals. Sign-in through
 * this tree is unavailable until an admin fixes the script; {@link #error()} says why, for logs and events.
 */
public final class ScriptFailedException extends DependencyUnavailableException {
    private final String script;
    private final String error;

    public ScriptFailedException(String script, String error) {
        super(ScriptedDecision.DEPENDENCY, null);
        this.script = script;
        this.error = error;
    }

    /** The script's name. */
    public String script() {
        return script;
    }

    /** script-runner's error code ({@code RUNTIME}, ...) or this node's ({@code UNDECLARED_OUTCOME}, ...). */
    public String error() {
        return error;
    }

    @Override
    public String getMessage() {
        return "script " + script + " failed: " + error;
    }
}
