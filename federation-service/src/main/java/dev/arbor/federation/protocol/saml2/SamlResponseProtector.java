package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.AssertionEncryption;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.Base64;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.EncryptionException;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.RSAOAEPParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.SignableXMLObject;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

/**
 * Signs and encrypts a Response for its SP (SAML Core §5, §6): the Assertion is signed first (when
 * the SP's settings or its metadata's {@code WantAssertionsSigned} ask), then encrypted to the SP's
 * first encryption certificate (the EncryptedAssertion replaces it), then the Response is signed
 * (when asked). RSA-SHA256 (ECDSA-SHA256 for an EC key), SHA-256 digest, exclusive c14n, enveloped;
 * the certificate goes in the KeyInfo. Encryption is AES-256-GCM with RSA-OAEP (xmlenc11, SHA-256
 * digest and MGF1-SHA256), or AES-256-CBC with RSA-OAEP-MGF1P for older SPs.
 */
public final class SamlResponseProtector {
    private SamlResponseProtector() {
    }

    /** Signs and encrypts a successful Response in place. */
    public static Response protect(Response response, SamlKeyPair key, ServiceProvider sp) {
        boolean signAssertion = sp.settings().signAssertion() || sp.wantAssertionsSigned();
        AssertionEncryption encryption = sp.settings().encryption();
        if (!response.getAssertions().isEmpty()) {
            Assertion assertion = response.getAssertions().getFirst();
            if (signAssertion) {
                sign(assertion, key);
            }
            if (encryption != AssertionEncryption.NONE) {
                if (sp.encryptionCertificates().isEmpty()) {
                    throw new IllegalStateException("the SP has no encryption certificate");
                }
                EncryptedAssertion encrypted = encrypt(assertion, encryption, sp.encryptionCertificates().getFirst());
                response.getAssertions().clear();
                response.getEncryptedAssertions().add(encrypted);
            }
        }
        // CVE-2026-2092 (S15): an encrypted assertion that is not signed is only sent inside a signed Response
        if (sp.settings().signResponse() || !signAssertion) {
            sign(response, key);
        }
        return response;
    }

    /** Signs any SAML object (a Response without assertion, a LogoutRequest, ...). */
    public static void sign(SignableXMLObject object, SamlKeyPair key) {
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(new BasicX509Credential(key.certificate(), key.privateKey()));
        parameters.setSignatureAlgorithm(key.privateKey() instanceof ECKey
                ? SignatureAlgorithms.ECDSA_SHA256 : SignatureAlgorithms.RSA_SHA256);
        parameters.setSignatureReferenceDigestMethod(SignatureAlgorithms.SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureAlgorithms.EXCLUSIVE_C14N);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        parameters.setKeyInfoGenerator(keyInfo.newInstance());
        try {
            SignatureSupport.signObject(object, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    static EncryptedAssertion encrypt(Assertion assertion, AssertionEncryption encryption, X509Certificate recipient) {
        DataEncryptionParameters data = new DataEncryptionParameters();
        data.setAlgorithm(encryption.dataAlgorithm());
        KeyEncryptionParameters transport = new KeyEncryptionParameters();
        transport.setEncryptionCredential(new BasicX509Credential(recipient));
        transport.setAlgorithm(encryption.keyTransportAlgorithm());
        if (EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11.equals(encryption.keyTransportAlgorithm())) {
            transport.setRSAOAEPParameters(new RSAOAEPParameters(SignatureAlgorithms.SHA256,
                    EncryptionConstants.ALGO_ID_MGF1_SHA256, null));
        }
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        transport.setKeyInfoGenerator(keyInfo.newInstance());
        Encrypter encrypter = new Encrypter(data, transport);
        encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
        try {
            return encrypter.encrypt(assertion);
        } catch (EncryptionException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    /** SAML Bindings §3.5.4 — the value of the {@code SAMLResponse} form field. */
    public static String encodeForPost(Response response) {
        return Base64.getEncoder().encodeToString(SamlXml.serialize(response).getBytes(StandardCharsets.UTF_8));
    }
}
