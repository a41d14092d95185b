package dev.arbor.federation.protocol.saml2;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Key pairs with self-signed certificates (Bouncy Castle), made once per test JVM. */
public final class SamlTestKeys {
    /** The SP's signing key, the one its metadata lists. */
    public static final SamlKeyPair SP_SIGNING = rsa("CN=sp.example");
    /** A second SP's signing key (Single Logout tests). */
    public static final SamlKeyPair SP2_SIGNING = rsa("CN=sp2.example");
    /** The SP's encryption key. */
    public static final SamlKeyPair SP_ENCRYPTION = rsa("CN=sp.example encryption");
    /** The realm's (IdP's) signing key. */
    public static final SamlKeyPair IDP_SIGNING = rsa("CN=arbor idp");
    /** An attacker's key, with a certificate that clones the SP's subject DN. */
    public static final SamlKeyPair ATTACKER = rsa("CN=sp.example");

    private SamlTestKeys() {
    }

    public static SamlKeyPair rsa(String dn) {
        return create(dn, "RSA", 2048, "SHA256withRSA");
    }

    public static SamlKeyPair ec(String dn) {
        return create(dn, "EC", 256, "SHA256withECDSA");
    }

    private static SamlKeyPair create(String dn, String algorithm, int size, String signatureAlgorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name(dn);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                    pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
            return new SamlKeyPair(dn + "-" + algorithm, pair.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
