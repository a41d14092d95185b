package dev.arbor.federation.port;

import dev.arbor.federation.domain.saml2.ArtifactMessage;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/**
 * SAML messages sent by artifact (SAML Bindings §3.6), across replicas, under the artifact's MessageHandle.
 * One-time (SAML Core §3.5.3): {@link #take} removes what it returns, atomically, and only a request for
 * the issuer and SP the message was stored for can reach it, so another SP cannot use up an artifact.
 */
public interface SamlArtifactStore {

    /** Keeps {@code message} under {@code messageHandle} for at most {@code ttl}. */
    Uni<Void> put(byte[] messageHandle, ArtifactMessage message, Duration ttl);

    /** The message stored by {@code issuer} for {@code spEntityId} under this handle, removed; empty if none. */
    Uni<Optional<ArtifactMessage>> take(String issuer, String spEntityId, byte[] messageHandle);
}
