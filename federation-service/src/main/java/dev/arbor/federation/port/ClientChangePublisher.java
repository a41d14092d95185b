package dev.arbor.federation.port;

import io.smallrye.mutiny.Uni;

/**
 * Tells every replica that a client, a SAML service provider or a realm changed in the store, so each
 * drops its in-memory copy and reads the store again (topic {@code arbor.config.v1}).
 */
public interface ClientChangePublisher {
    /** Completes once the broker acknowledged the event; fails with {@link NotPropagated} otherwise. */
    Uni<Void> clientChanged(String realm, String clientId);

    /** As {@link #clientChanged}, for a SAML service provider ({@code saml_sp.changed}). */
    Uni<Void> serviceProviderChanged(String realm, String entityId);

    /** As {@link #clientChanged}, for a realm and everything in it (a realm import). */
    Uni<Void> realmChanged(String realm);

    /** The change is stored but not every replica was told: they serve the old copy until it expires. */
    final class NotPropagated extends RuntimeException {
        public NotPropagated(String what, Throwable cause) {
            super(what + " is stored but was not announced on arbor.config.v1", cause);
        }
    }
}
