package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

/**
 * Single Logout messages as an SP sends them (a LogoutRequest naming what it was told, a LogoutResponse
 * to the IdP's request), signed or not, for either binding; and the SP's reading of what the IdP sends.
 */
public final class TestLogoutMessages {
    public String id = SamlIds.newId();
    public Instant issueInstant = Instant.now();
    public String issuer = TestServiceProviders.ENTITY_ID;
    public String destination = TestServiceProviders.SLO_URL;
    public SamlKeyPair key = SamlTestKeys.SP_SIGNING;
    public String signatureAlgorithm = SignatureAlgorithms.RSA_SHA256;
    // LogoutRequest
    public String nameId;
    public String nameIdFormat;
    public String nameQualifier;
    public String spNameQualifier;
    public List<String> sessionIndexes = new ArrayList<>();
    public Instant notOnOrAfter;
    // LogoutResponse
    public String inResponseTo;
    public String status = SamlStatus.SUCCESS;

    /** A LogoutRequest naming the subject of an assertion the SP received, and its session. */
    public static TestLogoutMessages request(NameID issued, String sessionIndex) {
        TestLogoutMessages m = new TestLogoutMessages();
        m.nameId = issued.getValue();
        m.nameIdFormat = issued.getFormat();
        m.nameQualifier = issued.getNameQualifier();
        m.spNameQualifier = issued.getSPNameQualifier();
        if (sessionIndex != null) {
            m.sessionIndexes.add(sessionIndex);
        }
        return m;
    }

    /** A LogoutResponse to the IdP's LogoutRequest {@code inResponseTo}. */
    public static TestLogoutMessages response(String inResponseTo) {
        TestLogoutMessages m = new TestLogoutMessages();
        m.inResponseTo = inResponseTo;
        return m;
    }

    public LogoutRequest buildRequest() {
        LogoutRequest request = SamlResponseBuilder.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(issueInstant);
        request.setDestination(destination);
        request.setNotOnOrAfter(notOnOrAfter);
        request.setIssuer(issuer());
        NameID name = SamlResponseBuilder.build(NameID.DEFAULT_ELEMENT_NAME);
        name.setValue(nameId);
        name.setFormat(nameIdFormat);
        name.setNameQualifier(nameQualifier);
        name.setSPNameQualifier(spNameQualifier);
        request.setNameID(name);
        for (String index : sessionIndexes) {
            SessionIndex element = SamlResponseBuilder.build(SessionIndex.DEFAULT_ELEMENT_NAME);
            element.setValue(index);
            request.getSessionIndexes().add(element);
        }
        return request;
    }

    public LogoutResponse buildResponse() {
        LogoutResponse response = SamlResponseBuilder.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(id);
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(issueInstant);
        response.setDestination(destination);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer());
        Status s = SamlResponseBuilder.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = SamlResponseBuilder.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(status);
        s.setStatusCode(code);
        response.setStatus(s);
        return response;
    }

    private Issuer issuer() {
        Issuer iss = SamlResponseBuilder.build(Issuer.DEFAULT_ELEMENT_NAME);
        iss.setValue(issuer);
        return iss;
    }

    /** Enveloped signature with {@link #key}, its certificate in the KeyInfo. */
    public String signed(SignableSAMLObject object) {
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(new BasicX509Credential(key.certificate(), key.privateKey()));
        parameters.setSignatureAlgorithm(signatureAlgorithm);
        parameters.setSignatureReferenceDigestMethod(SignatureAlgorithms.SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureAlgorithms.EXCLUSIVE_C14N);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
        try {
            SignatureSupport.signObject(object, parameters);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return SamlXml.serialize(object);
    }

    /** The raw HTTP-Redirect query ({@code SAMLRequest} or {@code SAMLResponse}), signed over the query or not. */
    public String query(SignableSAMLObject object, String parameter, String relayState, boolean sign) {
        StringBuilder query = new StringBuilder(parameter).append('=').append(TestAuthnRequests.encode(
                Base64.getEncoder().encodeToString(TestAuthnRequests.deflate(
                        SamlXml.serialize(object).getBytes(StandardCharsets.UTF_8)))));
        if (relayState != null) {
            query.append("&RelayState=").append(TestAuthnRequests.encode(relayState));
        }
        if (sign) {
            query.append("&SigAlg=").append(TestAuthnRequests.encode(signatureAlgorithm));
            try {
                byte[] signature = XMLSigningUtil.signWithURI(new BasicX509Credential(key.certificate(),
                        key.privateKey()), signatureAlgorithm, query.toString().getBytes(StandardCharsets.US_ASCII));
                query.append("&Signature=").append(TestAuthnRequests.encode(
                        Base64.getEncoder().encodeToString(signature)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return query.toString();
    }

    /** What the IdP sent by redirect, as the SP reads it. */
    public record Received(SignableSAMLObject message, String relayState, String location) {
    }

    /**
     * The SP's reading of a redirect the IdP sent: the query signature must verify with the IdP's
     * certificate (independently of the IdP's own decoder), then the message is inflated and parsed.
     */
    public static Received fromRedirect(String location, X509Certificate idp) {
        URI uri = URI.create(location);
        String raw = uri.getRawQuery();
        boolean request = raw.startsWith("SAMLRequest=");
        ReceivedMessage message = request ? HttpRedirectBinding.decodeRequest(raw)
                : HttpRedirectBinding.decodeResponse(raw);
        if (message.detachedSignature() == null) {
            throw new AssertionError("the redirect is not signed");
        }
        try {
            if (!XMLSigningUtil.verifyWithURI(new BasicX509Credential(idp), message.detachedSignature().algorithm(),
                    message.detachedSignature().signature(), message.detachedSignature().signedOctets())) {
                throw new AssertionError("the redirect signature does not verify");
            }
        } catch (org.opensaml.security.SecurityException e) {
            throw new AssertionError(e);
        }
        SignableSAMLObject parsed = (SignableSAMLObject) SamlXml.unmarshall(message.xml());
        if (parsed.getSignature() != null) {
            throw new AssertionError("a redirect message carries no XML signature");
        }
        return new Received(parsed, message.relayState(), uri.getScheme() + "://" + uri.getRawAuthority()
                + uri.getRawPath());
    }

    /** The SP's reading of a posted message: the enveloped signature must verify with the IdP's certificate. */
    public static SignableSAMLObject fromPost(String base64, X509Certificate idp) {
        SignableSAMLObject parsed = (SignableSAMLObject) SamlXml.unmarshall(Base64.getDecoder().decode(base64));
        SpView.verifySignature(parsed, idp);
        return parsed;
    }
}
