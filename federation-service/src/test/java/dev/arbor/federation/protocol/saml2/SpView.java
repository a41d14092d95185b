package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureValidator;

/** What an SP does with a Response: decode, verify with the IdP's certificate, decrypt. */
public final class SpView {
    private SpView() {
    }

    public static Response decode(String samlResponse) {
        return SamlXml.unmarshall(Base64.getDecoder().decode(samlResponse), Response.class);
    }

    public static String xml(String samlResponse) {
        return new String(Base64.getDecoder().decode(samlResponse), StandardCharsets.UTF_8);
    }

    /** Throws unless {@code object} carries a SAML-profile signature that verifies with {@code idp}. */
    public static void verifySignature(SignableSAMLObject object, X509Certificate idp) {
        try {
            if (object.getSignature() == null) {
                throw new AssertionError(object.getElementQName().getLocalPart() + " is not signed");
            }
            new SAMLSignatureProfileValidator().validate(object.getSignature());
            SignatureValidator.validate(object.getSignature(), new BasicX509Credential(idp));
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("signature does not verify: " + e.getMessage(), e);
        }
    }

    /** The one assertion, decrypted with the SP's key if encrypted (root in a new document, so its signature holds). */
    public static Assertion assertion(Response response, SamlKeyPair spEncryption) {
        if (!response.getAssertions().isEmpty()) {
            return response.getAssertions().getFirst();
        }
        try {
            Decrypter decrypter = new Decrypter(null,
                    new StaticKeyInfoCredentialResolver(new BasicX509Credential(spEncryption.certificate(),
                            spEncryption.privateKey())), new InlineEncryptedKeyResolver());
            decrypter.setRootInNewDocument(true);
            return decrypter.decrypt(response.getEncryptedAssertions().getFirst());
        } catch (Exception e) {
            throw new AssertionError("the assertion does not decrypt: " + e.getMessage(), e);
        }
    }
}
