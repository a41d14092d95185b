package dev.arbor.federation.domain.saml2;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * One of a realm's SAML key pairs with its self-signed certificate, as IdP metadata publishes it.
 * The private key never leaves federation-service and is stored encrypted.
 *
 * @param keyId an opaque id (e.g. the certificate's SHA-256 thumbprint, base64url)
 */
public record SamlKeyPair(String keyId, PrivateKey privateKey, X509Certificate certificate) {
    public SamlKeyPair {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    @Override
    public String toString() {
        return "SamlKeyPair[" + keyId + "]"; // never the key
    }
}
