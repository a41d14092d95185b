package dev.arbor.federation.adapter.out.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * New SAML key pairs: RSA 3072 (NIST SP 800-57 Part 1, 128-bit security) with a self-signed X.509
 * certificate (SHA256withRSA, {@code CN=Arbor SAML <realm> <use>}, valid five years). SAML metadata
 * pins the certificate itself (SAML Metadata Interoperability profile), so no CA is involved; the
 * certificate is only a container for the public key.
 */
final class SelfSignedKeyPairs {
    static final int RSA_BITS = 3072;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    SelfSignedKeyPairs(Clock clock) {
        this.clock = clock;
    }

    record Generated(String keyId, KeyPair keyPair, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Generated[" + keyId + "]"; // never the key
        }
    }

    Generated generate(String realm, String use) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS, RANDOM);
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "Arbor SAML " + realm + " " + use).build();
            Instant now = clock.instant();
            Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(5).toInstant();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minusSeconds(60)), Date.from(notAfter), subject, keyPair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new Generated(keyId(certificate), keyPair, certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("an RSA key pair and its certificate could not be generated", e);
        }
    }

    /** The certificate's SHA-256 thumbprint, base64url: stable, and what a SAML administrator compares. */
    static String keyId(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
