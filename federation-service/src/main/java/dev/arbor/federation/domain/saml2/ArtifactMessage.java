package dev.arbor.federation.domain.saml2;

import java.time.Instant;
import java.util.Objects;

/**
 * A SAML protocol message sent by reference (SAML Bindings §3.6, HTTP-Artifact): what the IdP would have
 * posted, kept until the SP it was issued to resolves the artifact, once (SAML Core §3.5.3).
 *
 * @param issuer       the entityID (the realm's issuer) of the IdP that issued it
 * @param spEntityId   the SP it was issued to: the only requester it is returned to
 * @param xml          the message exactly as signed (and encrypted) for that SP
 * @param notOnOrAfter when the artifact stops being resolvable
 */
public record ArtifactMessage(String issuer, String spEntityId, String xml, Instant notOnOrAfter) {
    public ArtifactMessage {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(spEntityId, "spEntityId");
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
    }

    /** Whether it was issued by {@code issuer} to {@code spEntityId} and is still resolvable at {@code now}. */
    public boolean resolvableBy(String issuer, String spEntityId, Instant now) {
        return this.issuer.equals(issuer) && this.spEntityId.equals(spEntityId) && now.isBefore(notOnOrAfter);
    }
}
