package dev.arbor.contracts.events;

/** Kafka topics of the suite. One topic per producing entity, versioned like the protos. */
public final class Topics {
    /** session-store-service: {@link SessionEvent}s. */
    public static final String SESSION = "arbor.session.v1";
    /** token-service: token.revoked (issue #3). */
    public static final String TOKEN = "arbor.token.v1";
    /** authtree-service: journey and audit events. */
    public static final String JOURNEY = "arbor.journey.v1";
    /** Configuration changes every replica must apply: {@link ConfigEvent}s (clients, realms; trees later). */
    public static final String CONFIG = "arbor.config.v1";

    private Topics() {
    }
}
