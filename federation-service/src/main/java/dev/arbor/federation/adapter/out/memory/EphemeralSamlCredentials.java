package dev.arbor.federation.adapter.out.memory;

import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.port.SamlCredentials;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * PLACEHOLDER, replaced by the persistent, encrypted-at-rest SAML key pairs (work in progress on the
 * SP-registry branch): a {@code @DefaultBean}. One RSA-2048 key pair per realm, made on first use and
 * lost at restart — so IdP metadata would change with every restart; never rely on it in production.
 */
@DefaultBean
@ApplicationScoped
public class EphemeralSamlCredentials implements SamlCredentials {
    private final Map<String, SamlKeyPair> keys = new ConcurrentHashMap<>();

    @Override
    public Uni<SamlKeyPair> signing(String realm) {
        return Uni.createFrom().item(() -> keys.computeIfAbsent(realm, EphemeralSamlCredentials::create));
    }

    @Override
    public Uni<SamlKeyPair> encryption(String realm) {
        return signing(realm);
    }

    @Override
    public Uni<List<SamlKeyPair>> publishedSigning(String realm) {
        return signing(realm).map(List::of);
    }

    private static SamlKeyPair create(String realm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=arbor realm " + realm.replaceAll("[^A-Za-z0-9_-]", ""));
            var certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                    Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            String keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            return new SamlKeyPair(keyId, pair.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException("a SAML key pair could not be made", e);
        }
    }
}
