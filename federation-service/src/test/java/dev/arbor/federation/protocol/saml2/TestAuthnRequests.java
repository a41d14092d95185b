package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnContextComparisonTypeEnumeration;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameIDPolicy;
import org.opensaml.saml.saml2.core.RequestedAuthnContext;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.crypto.XMLSigningUtil;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

/** Builds AuthnRequests as an SP would send them: signed or not, for either binding. */
public final class TestAuthnRequests {
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    public String id = SamlIds.newId();
    public Instant issueInstant = Instant.now();
    public String issuer = TestServiceProviders.ENTITY_ID;
    public String destination = TestServiceProviders.SSO_URL;
    public String acsUrl = TestServiceProviders.ACS;
    public Integer acsIndex;
    public String protocolBinding = SamlBinding.HTTP_POST.uri();
    public String nameIdFormat;
    public String spNameQualifier;
    public Boolean forceAuthn;
    public Boolean passive;
    public List<String> contextClasses = new ArrayList<>();
    public AuthnContextComparisonTypeEnumeration comparison;
    public SamlKeyPair key = SamlTestKeys.SP_SIGNING;
    public String signatureAlgorithm = SignatureAlgorithms.RSA_SHA256;
    public String digestAlgorithm = SignatureAlgorithms.SHA256;

    public static TestAuthnRequests request() {
        return new TestAuthnRequests();
    }

    public AuthnRequest build() {
        AuthnRequest request = SamlResponseBuilder.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(issueInstant);
        request.setDestination(destination);
        request.setAssertionConsumerServiceURL(acsUrl);
        request.setAssertionConsumerServiceIndex(acsIndex);
        request.setProtocolBinding(protocolBinding);
        request.setForceAuthn(forceAuthn);
        request.setIsPassive(passive);
        Issuer iss = SamlResponseBuilder.build(Issuer.DEFAULT_ELEMENT_NAME);
        iss.setValue(issuer);
        request.setIssuer(iss);
        if (nameIdFormat != null || spNameQualifier != null) {
            NameIDPolicy policy = SamlResponseBuilder.build(NameIDPolicy.DEFAULT_ELEMENT_NAME);
            policy.setFormat(nameIdFormat);
            policy.setSPNameQualifier(spNameQualifier);
            policy.setAllowCreate(true);
            request.setNameIDPolicy(policy);
        }
        if (!contextClasses.isEmpty()) {
            RequestedAuthnContext context = SamlResponseBuilder.build(RequestedAuthnContext.DEFAULT_ELEMENT_NAME);
            context.setComparison(comparison);
            for (String uri : contextClasses) {
                AuthnContextClassRef ref = SamlResponseBuilder.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
                ref.setURI(uri);
                context.getAuthnContextClassRefs().add(ref);
            }
            request.setRequestedAuthnContext(context);
        }
        return request;
    }

    public String xml() {
        return SamlXml.serialize(build());
    }

    /** Enveloped signature with {@link #key}, its certificate in the KeyInfo. */
    public String signedXml() {
        AuthnRequest request = build();
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(new BasicX509Credential(key.certificate(), key.privateKey()));
        parameters.setSignatureAlgorithm(signatureAlgorithm);
        parameters.setSignatureReferenceDigestMethod(digestAlgorithm);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureAlgorithms.EXCLUSIVE_C14N);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
        try {
            SignatureSupport.signObject(request, parameters);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return SamlXml.serialize(request);
    }

    /** The HTTP-POST form value of an unsigned or signed request. */
    public static String post(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw query of the HTTP-Redirect binding, unsigned. */
    public String redirectQuery(String relayState) {
        return query(xml(), relayState, false);
    }

    /** The raw query of the HTTP-Redirect binding, signed with {@link #key} over the query (§3.4.4.1). */
    public String signedRedirectQuery(String relayState) {
        return query(xml(), relayState, true);
    }

    public String query(String xml, String relayState, boolean sign) {
        StringBuilder query = new StringBuilder("SAMLRequest=").append(encode(
                Base64.getEncoder().encodeToString(deflate(xml.getBytes(StandardCharsets.UTF_8)))));
        if (relayState != null) {
            query.append("&RelayState=").append(encode(relayState));
        }
        if (sign) {
            query.append("&SigAlg=").append(encode(signatureAlgorithm));
            byte[] signature = signOctets(query.toString().getBytes(StandardCharsets.US_ASCII));
            query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature)));
        }
        return query.toString();
    }

    public byte[] signOctets(byte[] octets) {
        try {
            return XMLSigningUtil.signWithURI(new BasicX509Credential(key.certificate(), key.privateKey()),
                    signatureAlgorithm, octets);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
