package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.time.Duration;
import java.time.Instant;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;

/**
 * SAML Core §3.7 and Profiles §4.4.4 — checks the Single Logout messages an SP sends. Everything that
 * makes a message trustworthy is checked here, with the pieces shared with AuthnRequests
 * ({@link SamlMessageChecks}, {@link RequestSignatureVerifier}: metadata keys only, by reference,
 * SHA-1 refused); failures are {@link InvalidSamlRequest}s (an error page, no answer to a URL the
 * message names). Replay of IDs is the caller's ({@link AuthnRequestReplayGuard}, shared cache).
 */
public final class LogoutMessageValidator {
    private final Duration clockSkew;
    private final Duration maxAge;

    public LogoutMessageValidator(Duration clockSkew, Duration maxAge) {
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
    }

    public static LogoutRequest parseRequest(ReceivedMessage message) {
        try {
            return SamlXml.unmarshall(message.xml(), LogoutRequest.class);
        } catch (SamlXml.SamlXmlException e) {
            throw new InvalidSamlRequest(e.getMessage());
        }
    }

    public static LogoutResponse parseResponse(ReceivedMessage message) {
        try {
            return SamlXml.unmarshall(message.xml(), LogoutResponse.class);
        } catch (SamlXml.SamlXmlException e) {
            throw new InvalidSamlRequest(e.getMessage());
        }
    }

    public static String issuer(LogoutRequest request) {
        return SamlMessageChecks.issuer(request.getIssuer(), "LogoutRequest");
    }

    public static String issuer(LogoutResponse response) {
        return SamlMessageChecks.issuer(response.getIssuer(), "LogoutResponse");
    }

    /**
     * SAML Core §3.7.1: signed as the SP's settings require ({@code requireSignedAuthnRequests} covers
     * LogoutRequests), Version 2.0, fresh, for this endpoint, not past its NotOnOrAfter, naming a
     * principal by a plain NameID (an EncryptedID or BaseID is not supported).
     *
     * @param sloUrl this realm's SLO endpoint, the only acceptable Destination
     */
    public SamlLogoutRequest check(ReceivedMessage message, LogoutRequest request, ServiceProvider sp, String sloUrl,
                                   Instant now) {
        boolean signed = RequestSignatureVerifier.verify(message, request, sp.signingCertificates());
        if (!signed && sp.settings().requireSignedAuthnRequests()) {
            throw new InvalidSamlRequest("the SP must sign its LogoutRequests");
        }
        SamlMessageChecks.versionAndId(request);
        Instant issued = SamlMessageChecks.issueInstant(request.getIssueInstant(), now, clockSkew, maxAge);
        SamlMessageChecks.destination(request.getDestination(), signed, sloUrl, "LogoutRequest");
        if (request.getNotOnOrAfter() != null && !now.isBefore(request.getNotOnOrAfter().plus(clockSkew))) {
            throw new InvalidSamlRequest("the LogoutRequest is past its NotOnOrAfter");
        }
        NameID name = request.getNameID();
        if (name == null || name.getValue() == null || name.getValue().isBlank()) {
            throw new InvalidSamlRequest("the LogoutRequest names no principal by a NameID");
        }
        return new SamlLogoutRequest(request.getID(), sp.entityId(), name.getValue(), name.getFormat(),
                name.getNameQualifier(), name.getSPNameQualifier(),
                request.getSessionIndexes().stream().map(SessionIndex::getValue).toList(), message.relayState(),
                message.binding(), issued.plus(maxAge).plus(clockSkew).plus(clockSkew));
    }

    /**
     * SAML Profiles §4.4.4.2 — a LogoutResponse to the request this IdP sent to that SP: always signed
     * (over the front channel a signature is the only way the SP authenticates itself), by a metadata
     * key; InResponseTo is the ID sent to that SP; fresh; for this endpoint (when it names one).
     *
     * @param sloUrl null for a SOAP answer (no Destination is expected)
     * @return true when the status is Success
     */
    public boolean check(ReceivedMessage message, LogoutResponse response, ServiceProvider sp, String sloUrl,
                         String sentId, Instant now) {
        if (!RequestSignatureVerifier.verify(message, response, sp.signingCertificates())) {
            throw new InvalidSamlRequest("a LogoutResponse must be signed");
        }
        SamlMessageChecks.versionAndId(response);
        SamlMessageChecks.issueInstant(response.getIssueInstant(), now, clockSkew, maxAge);
        if (sloUrl != null) {
            SamlMessageChecks.destination(response.getDestination(), true, sloUrl, "LogoutResponse");
        }
        if (sentId == null || !sentId.equals(response.getInResponseTo())) {
            throw new InvalidSamlRequest("InResponseTo is not the LogoutRequest sent to this SP");
        }
        return response.getStatus() != null && response.getStatus().getStatusCode() != null
                && SamlStatus.SUCCESS.equals(response.getStatus().getStatusCode().getValue());
    }

    /** How long a message ID issued at {@code issued} must be kept against replay. */
    public Instant rememberUntil(Instant issued) {
        return issued.plus(maxAge).plus(clockSkew).plus(clockSkew);
    }
}
