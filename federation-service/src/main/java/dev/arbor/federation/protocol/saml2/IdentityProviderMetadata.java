package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.NameIdFormat;
import dev.arbor.federation.domain.saml2.SamlBinding;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.security.SecureRandom;
import javax.xml.namespace.QName;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.ArtifactResolutionService;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.SecurityException;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

/**
 * A realm's IdP metadata (SAML Metadata §2.3.2 EntityDescriptor, §2.4.3 IDPSSODescriptor): its
 * entityID is the realm's issuer; SingleSignOnService and SingleLogoutService with the Redirect and
 * POST bindings, ArtifactResolutionService over SOAP, the NameID formats Arbor issues, and every
 * published signing and encryption certificate (the current one of each use first). Optionally
 * signed (enveloped signature, RSA-SHA256, SHA-256 digest, exclusive c14n; SAML Core §5.4) with the
 * realm's current signing key, so an SP that fetches it over an untrusted channel can verify it.
 */
public final class IdentityProviderMetadata {
    /** How long an SP may rely on a copy (validUntil) and should cache it (cacheDuration, SAML Metadata §1.3.3). */
    public static final Duration VALIDITY = Duration.ofDays(7);
    public static final Duration CACHE_DURATION = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private IdentityProviderMetadata() {
    }

    /** As {@link #xml(String, List, List, Instant, SamlKeyPair)} with one encryption key. */
    public static String xml(String issuer, List<SamlKeyPair> signing, SamlKeyPair encryption, Instant now,
                             SamlKeyPair signWith) {
        return xml(issuer, signing, List.of(encryption), now, signWith);
    }

    /**
     * @param issuer     the realm's issuer (entityID); endpoints are {@code issuer + "/saml2/..."}
     * @param signing    published signing keys, the current one first (during a rollover also the next
     *                   and the previous one: SAML Metadata §2.4.1.1 allows several KeyDescriptors of a use)
     * @param encryption published encryption keys, the current one first
     * @param signWith   the key to sign the document with, or null for unsigned
     */
    public static String xml(String issuer, List<SamlKeyPair> signing, List<SamlKeyPair> encryption, Instant now,
                             SamlKeyPair signWith) {
        SamlXml.parsers(); // OpenSAML initialised
        EntityDescriptor entity = build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(issuer);
        entity.setID("_" + HexFormat.of().formatHex(randomBytes()));
        entity.setValidUntil(now.plus(VALIDITY));
        entity.setCacheDuration(CACHE_DURATION);

        IDPSSODescriptor idp = build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(true);
        signing.forEach(key -> idp.getKeyDescriptors().add(keyDescriptor(UsageType.SIGNING, key.certificate())));
        encryption.forEach(key -> idp.getKeyDescriptors().add(keyDescriptor(UsageType.ENCRYPTION, key.certificate())));

        ArtifactResolutionService artifact = endpoint(ArtifactResolutionService.DEFAULT_ELEMENT_NAME, SamlBinding.SOAP,
                issuer + "/saml2/artifact");
        artifact.setIndex(0);
        artifact.setIsDefault(true);
        idp.getArtifactResolutionServices().add(artifact);
        for (SamlBinding binding : List.of(SamlBinding.HTTP_REDIRECT, SamlBinding.HTTP_POST)) {
            idp.getSingleLogoutServices().add(endpoint(SingleLogoutService.DEFAULT_ELEMENT_NAME, binding,
                    issuer + "/saml2/slo"));
        }
        for (NameIdFormat format : NameIdFormat.values()) {
            NameIDFormat element = build(NameIDFormat.DEFAULT_ELEMENT_NAME);
            element.setURI(format.uri());
            idp.getNameIDFormats().add(element);
        }
        for (SamlBinding binding : List.of(SamlBinding.HTTP_REDIRECT, SamlBinding.HTTP_POST)) {
            idp.getSingleSignOnServices().add(endpoint(SingleSignOnService.DEFAULT_ELEMENT_NAME, binding,
                    issuer + "/saml2/sso"));
        }
        entity.getRoleDescriptors().add(idp);

        if (signWith != null) {
            sign(entity, signWith);
        }
        return SamlXml.serialize(entity);
    }

    private static void sign(EntityDescriptor entity, SamlKeyPair key) {
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(new BasicX509Credential(key.certificate(), key.privateKey()));
        parameters.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
        try {
            SignatureSupport.signObject(entity, parameters);
        } catch (SecurityException | MarshallingException | SignatureException e) {
            throw new IllegalStateException("the IdP metadata could not be signed", e);
        }
    }

    private static KeyDescriptor keyDescriptor(UsageType use, X509Certificate certificate) {
        KeyDescriptor descriptor = build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.setUse(use);
        KeyInfo keyInfo = build(KeyInfo.DEFAULT_ELEMENT_NAME);
        try {
            KeyInfoSupport.addCertificate(keyInfo, certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a SAML certificate could not be encoded", e);
        }
        descriptor.setKeyInfo(keyInfo);
        return descriptor;
    }

    private static <T extends Endpoint> T endpoint(QName name, SamlBinding binding, String location) {
        T endpoint = build(name);
        endpoint.setBinding(binding.uri());
        endpoint.setLocation(location);
        return endpoint;
    }

    @SuppressWarnings("unchecked")
    private static <T extends XMLObject> T build(QName name) {
        return (T) XMLObjectSupport.buildXMLObject(name);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
