package dev.arbor.scriptrunner.domain.execution;

/** Why a run gave no outcome. The message that goes with it is written for an admin. */
public enum ScriptErrorCode {
    /** The wall-clock deadline passed. */
    TIMEOUT,
    /** A resource limit: statements, string length, stack depth, source size, state size. */
    LIMIT,
    /** The script threw, misused the API, or ended without {@code action.goTo}. */
    RUNTIME,
    /** {@code action.goTo} named an outcome the node does not declare. */
    INVALID_OUTCOME,
    /** No such realm, script or version. */
    NOT_FOUND
}
