package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Artifact;
import org.opensaml.saml.saml2.core.ArtifactResolve;
import org.opensaml.saml.saml2.core.ArtifactResponse;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.soap.soap11.Envelope;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

/** Builds SOAP ArtifactResolve requests as an SP sends them (OpenSAML, signed with its key), and reads the answers. */
public final class TestArtifactResolves {
    public String id = SamlIds.newId();
    public Instant issueInstant = Instant.now();
    public String issuer = TestServiceProviders.ENTITY_ID;
    public String destination = TestServiceProviders.ISSUER + "/saml2/artifact";
    public String artifact;
    /** null: unsigned. */
    public SamlKeyPair key = SamlTestKeys.SP_SIGNING;

    public static TestArtifactResolves of(String artifact, Instant now) {
        TestArtifactResolves request = new TestArtifactResolves();
        request.artifact = artifact;
        request.issueInstant = now;
        return request;
    }

    public ArtifactResolve build() {
        ArtifactResolve request = SamlResponseBuilder.build(ArtifactResolve.DEFAULT_ELEMENT_NAME);
        request.setID(id);
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(issueInstant);
        request.setDestination(destination);
        Issuer iss = SamlResponseBuilder.build(Issuer.DEFAULT_ELEMENT_NAME);
        iss.setValue(issuer);
        request.setIssuer(iss);
        Artifact value = SamlResponseBuilder.build(Artifact.DEFAULT_ELEMENT_NAME);
        value.setValue(artifact);
        request.setArtifact(value);
        if (key != null) {
            SignatureSigningParameters parameters = new SignatureSigningParameters();
            parameters.setSigningCredential(new BasicX509Credential(key.certificate(), key.privateKey()));
            parameters.setSignatureAlgorithm(SignatureAlgorithms.RSA_SHA256);
            parameters.setSignatureReferenceDigestMethod(SignatureAlgorithms.SHA256);
            parameters.setSignatureCanonicalizationAlgorithm(SignatureAlgorithms.EXCLUSIVE_C14N);
            X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
            keyInfo.setEmitEntityCertificate(true);
            parameters.setKeyInfoGenerator(keyInfo.newInstance());
            try {
                SignatureSupport.signObject(request, parameters);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return request;
    }

    /** The SOAP 1.1 envelope, as posted with {@code Content-Type: text/xml}. */
    public String envelope() {
        return SoapBinding.wrap(build());
    }

    /** The ArtifactResponse in an answer's SOAP Body. */
    public static ArtifactResponse artifactResponse(String envelope) {
        Envelope parsed = SamlXml.unmarshall(envelope.getBytes(StandardCharsets.UTF_8), Envelope.class);
        XMLObject message = parsed.getBody().getUnknownXMLObjects().getFirst();
        return (ArtifactResponse) message;
    }
}
