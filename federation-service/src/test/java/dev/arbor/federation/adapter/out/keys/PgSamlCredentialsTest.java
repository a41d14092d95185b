package dev.arbor.federation.adapter.out.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.federation.config.SamlKeyEncryptionKey;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.port.SamlCredentials;
import dev.arbor.testing.KafkaTestBroker;
import dev.arbor.testing.PostgresTestDatabase;
import dev.arbor.testing.RedisTestPrefix;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestDatabase.class)
@WithTestResource(RedisTestPrefix.class)
@WithTestResource(KafkaTestBroker.class)
class PgSamlCredentialsTest {
    @Inject
    SamlCredentials credentials;
    @Inject
    Pool pool;
    @Inject
    SamlKeyEncryptionKey kek;

    private static <T> T await(Supplier<Uni<T>> action) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(action);
    }

    /** Another replica, or this one after a restart: nothing in memory, the same database and KEK. */
    private PgSamlCredentials freshReplica() {
        return new PgSamlCredentials(pool, kek, Clock.systemUTC());
    }

    private List<Row> rows(String realm) throws Throwable {
        return await(() -> pool.preparedQuery("SELECT * FROM federation.saml_key WHERE realm = $1 ORDER BY key_use")
                .execute(Tuple.of(realm)).map(set -> {
                    List<Row> out = new ArrayList<>();
                    set.forEach(out::add);
                    return out;
                }));
    }

    @Test
    void aRealmsSigningKeyIsGeneratedOnFirstUseAsRsa3072WithASelfSignedFiveYearCertificate() throws Throwable {
        SamlKeyPair key = await(() -> credentials.signing("cred-first"));

        var certificate = key.certificate();
        assertEquals("CN=Arbor SAML cred-first signing", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals(3072, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
        Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertTrue(validity.toDays() >= 5 * 365 && validity.toDays() <= 5 * 366 + 1, validity.toString());
        certificate.verify(certificate.getPublicKey());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.privateKey());
        rsa.update(new byte[] {1, 2, 3});
        byte[] signature = rsa.sign();
        rsa.initVerify(certificate);
        rsa.update(new byte[] {1, 2, 3});
        assertTrue(rsa.verify(signature), "the private key belongs to the certificate");
    }

    @Test
    void theSameKeyIsReturnedAgainAndAfterARestartAndSigningAndEncryptionDiffer() throws Throwable {
        SamlKeyPair first = await(() -> credentials.signing("cred-again"));
        SamlKeyPair again = await(() -> credentials.signing("cred-again"));
        SamlKeyPair afterRestart = await(() -> freshReplica().signing("cred-again"));
        SamlKeyPair encryption = await(() -> credentials.encryption("cred-again"));

        assertEquals(first.keyId(), again.keyId());
        assertEquals(first.keyId(), afterRestart.keyId());
        assertArrayEquals(first.privateKey().getEncoded(), afterRestart.privateKey().getEncoded());
        assertArrayEquals(first.certificate().getEncoded(), afterRestart.certificate().getEncoded());
        assertNotEquals(first.keyId(), encryption.keyId());
        assertEquals("CN=Arbor SAML cred-again encryption", encryption.certificate().getSubjectX500Principal().getName());
        assertEquals(2, rows("cred-again").size());
        assertEquals(List.of(first.keyId()), await(() -> credentials.publishedSigning("cred-again")).stream()
                .map(SamlKeyPair::keyId).toList(), "no rollover: only the current key is published");
    }

    @Test
    void twoReplicasGeneratingAtOnceEndUpWithOneKey() throws Throwable {
        PgSamlCredentials a = freshReplica();
        PgSamlCredentials b = freshReplica();

        List<SamlKeyPair> both = await(() -> Uni.combine().all().unis(a.signing("cred-race"), b.signing("cred-race"))
                .with(SamlKeyPair.class, list -> list));

        assertEquals(both.get(0).keyId(), both.get(1).keyId());
        assertEquals(1, rows("cred-race").size());
    }

    @Test
    void thePrivateKeyIsStoredEncryptedAndBoundToItsRealmAndUse() throws Throwable {
        SamlKeyPair key = await(() -> credentials.signing("cred-sealed"));
        Row row = rows("cred-sealed").getFirst();
        byte[] sealed = row.getBuffer("private_key_sealed").getBytes();
        byte[] der = key.privateKey().getEncoded();

        assertFalse(contains(sealed, der), "the DER private key is not in the stored bytes");
        assertFalse(contains(sealed, java.util.Arrays.copyOfRange(der, der.length - 64, der.length)));
        assertEquals(der.length + 16, sealed.length, "AES-GCM: ciphertext plus a 128-bit tag");
        assertEquals(12, row.getBuffer("private_key_nonce").length());

        PrivateKeySeal seal = new PrivateKeySeal(kek);
        var stored = new PrivateKeySeal.Sealed(row.getBuffer("private_key_nonce").getBytes(), sealed);
        assertArrayEquals(der, seal.open(stored, "cred-sealed", "signing", key.keyId()));
        assertThrows(PrivateKeySeal.KeyNotOpened.class, () -> seal.open(stored, "other-realm", "signing", key.keyId()),
                "the AAD binds it to its realm");
        assertThrows(PrivateKeySeal.KeyNotOpened.class, () -> seal.open(stored, "cred-sealed", "encryption", key.keyId()),
                "and to its use");
    }

    @Test
    void aWrongKeyEncryptionKeyFailsClosedAndNoNewKeyIsGenerated() throws Throwable {
        SamlKeyPair key = await(() -> credentials.signing("cred-wrong-kek"));
        byte[] other = new byte[32];
        other[0] = 1;
        PgSamlCredentials wrongKek = new PgSamlCredentials(pool,
                SamlKeyEncryptionKey.parse(Base64.getEncoder().encodeToString(other)), Clock.systemUTC());

        Throwable failure = assertThrows(Throwable.class, () -> await(() -> wrongKek.signing("cred-wrong-kek")));

        assertInstanceOf(PrivateKeySeal.KeyNotOpened.class, failure);
        assertFalse(failure.getMessage().contains(Base64.getEncoder().encodeToString(other)));
        assertEquals(1, rows("cred-wrong-kek").size());
        assertEquals(key.keyId(), rows("cred-wrong-kek").getFirst().getString("key_id"));
    }

    @Test
    void nothingPrintsKeyMaterial() throws Throwable {
        SamlKeyPair key = await(() -> credentials.signing("cred-print"));
        String encoded = Base64.getEncoder().encodeToString(key.privateKey().getEncoded());

        assertEquals("SamlKeyPair[" + key.keyId() + "]", key.toString());
        assertFalse(key.toString().contains(encoded.substring(0, 40)));
        assertEquals("SamlKeyEncryptionKey[redacted]", kek.toString());
        var badKek = assertThrows(IllegalStateException.class, () -> SamlKeyEncryptionKey.parse("c2hvcnQ"));
        assertTrue(badKek.getMessage().contains("ARBOR_FEDERATION_SAML_KEY_ENCRYPTION_KEY"));
        assertFalse(badKek.getMessage().contains("c2hvcnQ"));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
