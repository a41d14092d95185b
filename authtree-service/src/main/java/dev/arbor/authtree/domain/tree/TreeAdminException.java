package dev.arbor.authtree.domain.tree;

/** A tree admin request that cannot be done: the realm, tree or draft is missing, or the tree is in use. */
public final class TreeAdminException extends RuntimeException {
    /** What went wrong, for the HTTP status. */
    public enum Kind { NOT_FOUND, CONFLICT }

    private final Kind kind;

    private TreeAdminException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static TreeAdminException notFound(String message) {
        return new TreeAdminException(Kind.NOT_FOUND, message);
    }

    public static TreeAdminException conflict(String message) {
        return new TreeAdminException(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }
}
