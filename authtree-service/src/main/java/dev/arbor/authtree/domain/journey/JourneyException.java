package dev.arbor.authtree.domain.journey;

/** A request the journey API refuses. The message is safe to return to the client. */
public final class JourneyException extends RuntimeException {
    /** Why the request was refused; the REST adapter maps each to a status. */
    public enum Kind { REALM_NOT_FOUND, TREE_NOT_FOUND, UNKNOWN_FLOW, BAD_INPUT, JOURNEY_EXPIRED }

    private final Kind kind;

    private JourneyException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static JourneyException realmNotFound() {
        return new JourneyException(Kind.REALM_NOT_FOUND, "No such realm");
    }

    public static JourneyException treeNotFound() {
        return new JourneyException(Kind.TREE_NOT_FOUND, "No such tree in this realm");
    }

    public static JourneyException unknownFlow() {
        return new JourneyException(Kind.UNKNOWN_FLOW, "Unknown or expired login flow");
    }

    public static JourneyException badInput(String detail) {
        return new JourneyException(Kind.BAD_INPUT, detail);
    }

    public static JourneyException expired() {
        return new JourneyException(Kind.JOURNEY_EXPIRED, "Journey expired or already advanced");
    }
}
