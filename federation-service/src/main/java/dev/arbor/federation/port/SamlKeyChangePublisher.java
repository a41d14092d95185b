package dev.arbor.federation.port;

import dev.arbor.federation.domain.saml2.SamlKeyUse;
import io.smallrye.mutiny.Uni;

/**
 * Tells every replica that a realm's SAML key of a use became current, so each drops the realm's
 * current keys from memory and reads them again ({@code saml_key.activated} on {@code arbor.config.v1}).
 * Only activation needs telling: publishing and retiring change the metadata, which every replica
 * reads from PostgreSQL on each request.
 */
public interface SamlKeyChangePublisher {
    /** Completes once the broker acknowledged the event; fails with {@link ClientChangePublisher.NotPropagated} otherwise. */
    Uni<Void> samlKeyActivated(String realm, SamlKeyUse use, String keyId);
}
