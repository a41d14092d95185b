package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.ArtifactResolve;

/**
 * SAML Core §3.5.1 / §3.2.1 — who sent an ArtifactResolve, and whether it can be believed. Arbor
 * authenticates the requester by its signature (SAML Core §3.5.1: "SHOULD be signed or otherwise
 * authenticated"): an enveloped signature by a key of the registered SP its Issuer names, checked by
 * reference with {@link RequestSignatureVerifier} (a KeyInfo in the request is never trusted). TLS client
 * authentication is not used: TLS usually ends before Arbor (docs/reference/saml.md). Failures are
 * {@link InvalidSamlRequest}s.
 */
public final class ArtifactResolveCheck {
    private static final String ENTITY_FORMAT = "urn:oasis:names:tc:SAML:2.0:nameid-format:entity";
    /** xs:ID is an NCName; a bound on the length keeps it a sane storage key. */
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,255}");

    private final Duration clockSkew;

    /** @param clockSkew how far the SP's IssueInstant may be from this server's clock, either way */
    public ArtifactResolveCheck(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /** The requester's entityID (its Issuer), to look the SP up. */
    public static String issuer(ArtifactResolve request) {
        if (request.getIssuer() == null || request.getIssuer().getValue() == null
                || request.getIssuer().getValue().isBlank()) {
            throw new InvalidSamlRequest("the ArtifactResolve has no Issuer");
        }
        String format = request.getIssuer().getFormat();
        if (format != null && !format.equals(ENTITY_FORMAT)) {
            throw new InvalidSamlRequest("the Issuer is not an entity");
        }
        return request.getIssuer().getValue().strip();
    }

    /** The request's ID, if it is one this server would answer to (InResponseTo); else null. */
    public static String idOrNull(ArtifactResolve request) {
        return request.getID() != null && ID.matcher(request.getID()).matches() ? request.getID() : null;
    }

    /**
     * @param body        the SOAP envelope as received (the signature is checked on its parsed DOM)
     * @param artifactUrl this realm's ArtifactResolutionService, the only acceptable Destination
     * @return until when the request ID must be remembered, so it is accepted once
     */
    public Instant check(byte[] body, ArtifactResolve request, ServiceProvider sp, String artifactUrl, Instant now) {
        if (!RequestSignatureVerifier.verify(new ReceivedMessage(SamlBinding.SOAP, body, null, null), request,
                sp.signingCertificates())) {
            throw new InvalidSamlRequest("the ArtifactResolve must be signed by the SP");
        }
        if (request.getVersion() == null || !SAMLVersion.VERSION_20.equals(request.getVersion())) {
            throw new InvalidSamlRequest("Version must be 2.0");
        }
        if (idOrNull(request) == null) {
            throw new InvalidSamlRequest("the ID is missing or malformed");
        }
        Instant issued = request.getIssueInstant();
        if (issued == null || issued.isAfter(now.plus(clockSkew)) || issued.isBefore(now.minus(clockSkew))) {
            throw new InvalidSamlRequest("IssueInstant is outside the accepted window");
        }
        // SAML Core §3.2.1: a Destination that is not where the request arrived is refused
        if (request.getDestination() != null && !request.getDestination().equals(artifactUrl)) {
            throw new InvalidSamlRequest("the Destination is not this endpoint");
        }
        if (request.getArtifact() == null || request.getArtifact().getValue() == null) {
            throw new InvalidSamlRequest("the ArtifactResolve has no Artifact");
        }
        return issued.plus(clockSkew).plus(clockSkew);
    }
}
