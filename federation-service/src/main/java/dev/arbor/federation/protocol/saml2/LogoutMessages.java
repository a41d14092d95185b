package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlEndpoint;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.SamlParticipant;
import dev.arbor.federation.protocol.oauth2.AuthorizationResponses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.soap.soap11.Body;
import org.opensaml.soap.soap11.Envelope;

/**
 * The Single Logout messages this IdP sends (SAML Core §3.7), built through OpenSAML's object model,
 * and their delivery: HTTP-Redirect signed over the query ({@link HttpRedirectBinding#encodeSigned}),
 * HTTP-POST and SOAP signed enveloped ({@link SamlResponseProtector#sign}).
 */
final class LogoutMessages {
    /** How long a LogoutRequest sent may be acted on (its NotOnOrAfter). */
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(5);

    private LogoutMessages() {
    }

    /** SAML Core §3.7.1 — the NameID exactly as issued to the SP, and the SessionIndex. */
    static LogoutRequest request(String issuer, String destination, SamlParticipant participant, Instant now) {
        LogoutRequest request = SamlResponseBuilder.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(SamlIds.newId());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(now);
        request.setDestination(destination);
        request.setNotOnOrAfter(now.plus(REQUEST_LIFETIME));
        request.setReason(LogoutRequest.USER_REASON);
        request.setIssuer(issuer(issuer));
        NameID name = SamlResponseBuilder.build(NameID.DEFAULT_ELEMENT_NAME);
        name.setValue(participant.nameId());
        name.setFormat(participant.nameIdFormat());
        name.setNameQualifier(participant.nameQualifier());
        name.setSPNameQualifier(participant.spNameQualifier());
        request.setNameID(name);
        if (participant.sessionIndex() != null) {
            SessionIndex index = SamlResponseBuilder.build(SessionIndex.DEFAULT_ELEMENT_NAME);
            index.setValue(participant.sessionIndex());
            request.getSessionIndexes().add(index);
        }
        return request;
    }

    /** SAML Core §3.7.2 — the answer to an SP's LogoutRequest. */
    static LogoutResponse response(String issuer, String destination, String inResponseTo, SamlStatus value,
                                   Instant now) {
        LogoutResponse response = SamlResponseBuilder.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(SamlIds.newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(now);
        response.setDestination(destination);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer(issuer));
        Status status = SamlResponseBuilder.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = SamlResponseBuilder.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(value.code());
        if (value.secondLevel() != null) {
            StatusCode second = SamlResponseBuilder.build(StatusCode.DEFAULT_ELEMENT_NAME);
            second.setValue(value.secondLevel());
            code.setStatusCode(second);
        }
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    /**
     * Sends a message through the browser to {@code endpoint}: a 303 to a query signed the Redirect way,
     * or an auto-posting form with the message signed enveloped.
     *
     * @param location the endpoint's Location (requests) or ResponseLocation (responses)
     */
    static ProtocolResponse deliver(SignableSAMLObject message, boolean isRequest, SamlEndpoint endpoint,
                                    String location, String relayState, SamlKeyPair key, String issuer) {
        String parameter = isRequest ? "SAMLRequest" : "SAMLResponse";
        if (endpoint.binding() == SamlBinding.HTTP_REDIRECT) {
            return new ProtocolResponse.Redirect(HttpRedirectBinding.encodeSigned(location, message, parameter,
                    relayState, key));
        }
        SamlResponseProtector.sign(message, key);
        Map<String, String> form = new LinkedHashMap<>();
        form.put(parameter, Base64.getEncoder().encodeToString(
                SamlXml.serialize(message).getBytes(StandardCharsets.UTF_8)));
        if (relayState != null) {
            form.put("RelayState", relayState);
        }
        return new ProtocolResponse.FormPost(location, form, issuer + "/" + AuthorizationResponses.SCRIPT_PATH);
    }

    /** SAML Bindings §3.2.3 — a signed request in a SOAP 1.1 envelope. */
    static byte[] soapEnvelope(LogoutRequest request, SamlKeyPair key) {
        SamlResponseProtector.sign(request, key);
        Envelope envelope = SamlResponseBuilder.build(Envelope.DEFAULT_ELEMENT_NAME);
        Body body = SamlResponseBuilder.build(Body.DEFAULT_ELEMENT_NAME);
        body.getUnknownXMLObjects().add(request);
        envelope.setBody(body);
        return SamlXml.serialize(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private static Issuer issuer(String value) {
        Issuer issuer = SamlResponseBuilder.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(value);
        return issuer;
    }
}
