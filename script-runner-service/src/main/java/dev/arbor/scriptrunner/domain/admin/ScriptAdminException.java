package dev.arbor.scriptrunner.domain.admin;

/** An admin request the domain refuses; {@link Kind} says which HTTP status it is. */
public final class ScriptAdminException extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, TOO_LARGE }

    private final Kind kind;
    private final SyntaxProblem syntax;

    public ScriptAdminException(Kind kind, String message) {
        this(kind, message, null);
    }

    public ScriptAdminException(Kind kind, String message, SyntaxProblem syntax) {
        super(message, null, false, false);
        this.kind = kind;
        this.syntax = syntax;
    }

    public Kind kind() {
        return kind;
    }

    /** Set for a source that does not parse. */
    public SyntaxProblem syntax() {
        return syntax;
    }
}
