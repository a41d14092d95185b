package dev.arbor.federation.adapter.out.keys;

import dev.arbor.federation.config.SamlKeyEncryptionKey;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.port.SamlCredentials;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * {@link SamlCredentials} in PostgreSQL ({@code federation.saml_key}, V9). A realm's key pair of a use
 * is generated the first time it is asked for, then inserted only if the realm has no current key of
 * that use yet ({@code ON CONFLICT DO NOTHING} on the partial unique index) and read back: when two
 * replicas generate at once, both end up with the one row that won. Private keys are sealed with
 * {@link PrivateKeySeal}; a key that does not open fails the request (never replaced by a new one).
 * The current keys are held in memory once read: they change only by a rollover, which is not
 * automated yet (docs/guides/keys.md).
 */
@ApplicationScoped
public class PgSamlCredentials implements SamlCredentials {
    private static final Logger LOG = Logger.getLogger(PgSamlCredentials.class);
    static final String SIGNING = "signing";
    static final String ENCRYPTION = "encryption";

    private static final String COLUMNS = "key_id, realm, key_use, certificate, private_key_nonce, private_key_sealed";
    private static final String FIND_CURRENT = "SELECT " + COLUMNS
            + " FROM federation.saml_key WHERE realm = $1 AND key_use = $2 AND state = 'current'";
    private static final String FIND_PUBLISHED = "SELECT " + COLUMNS + """
             FROM federation.saml_key
            WHERE realm = $1 AND key_use = $2 AND state IN ('current', 'published')
            ORDER BY state = 'current' DESC, created_at DESC""";
    private static final String INSERT_FIRST = "INSERT INTO federation.saml_key (" + COLUMNS + ", state)"
            + " VALUES ($1, $2, $3, $4, $5, $6, 'current')"
            + " ON CONFLICT (realm, key_use) WHERE state = 'current' DO NOTHING";

    private final Pool pool;
    private final PrivateKeySeal seal;
    private final SelfSignedKeyPairs generator;
    private final Map<String, SamlKeyPair> current = new ConcurrentHashMap<>();

    @Inject
    public PgSamlCredentials(Pool pool, SamlKeyEncryptionKey kek, Clock clock) {
        this.pool = pool;
        this.seal = new PrivateKeySeal(kek);
        this.generator = new SelfSignedKeyPairs(clock);
    }

    @Override
    public Uni<SamlKeyPair> signing(String realm) {
        return currentKey(realm, SIGNING);
    }

    @Override
    public Uni<SamlKeyPair> encryption(String realm) {
        return currentKey(realm, ENCRYPTION);
    }

    /** The current signing key first, then any published beside it during a rollover. */
    @Override
    public Uni<List<SamlKeyPair>> publishedSigning(String realm) {
        return signing(realm).chain(first -> onCallersContext(pool.preparedQuery(FIND_PUBLISHED)
                .execute(Tuple.of(realm, SIGNING))
                .map(rows -> {
                    List<SamlKeyPair> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(open(row)));
                    return keys;
                })));
    }

    private Uni<SamlKeyPair> currentKey(String realm, String use) {
        String cacheKey = realm + "|" + use;
        SamlKeyPair held = current.get(cacheKey);
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        Uni<SamlKeyPair> load = findCurrent(realm, use)
                .onItem().ifNull().switchTo(() -> generateAndInsert(realm, use).chain(() -> findCurrent(realm, use)))
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "no current SAML " + use + " key of realm " + realm + " after inserting one"))
                .map(key -> {
                    SamlKeyPair previous = current.putIfAbsent(cacheKey, key);
                    return previous != null ? previous : key;
                });
        return onCallersContext(load);
    }

    private Uni<SamlKeyPair> findCurrent(String realm, String use) {
        return pool.preparedQuery(FIND_CURRENT).execute(Tuple.of(realm, use)).map(this::firstOrNull);
    }

    /** RSA 3072 takes a noticeable fraction of a second: generated on a worker thread, never on the event loop. */
    private Uni<Void> generateAndInsert(String realm, String use) {
        return Uni.createFrom().item(() -> generator.generate(realm, use))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(generated -> {
                    PrivateKeySeal.Sealed sealed = seal.seal(generated.keyPair().getPrivate().getEncoded(), realm, use,
                            generated.keyId());
                    byte[] certificate;
                    try {
                        certificate = generated.certificate().getEncoded();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("a generated certificate could not be encoded", e);
                    }
                    return pool.preparedQuery(INSERT_FIRST).execute(Tuple.from(List.of(generated.keyId(), realm, use,
                                    Buffer.buffer(certificate),
                                    Buffer.buffer(sealed.nonce()),
                                    Buffer.buffer(sealed.ciphertext()))))
                            .invoke(result -> {
                                if (result.rowCount() == 1) {
                                    LOG.infof("generated the SAML %s key %s of realm %s", use, generated.keyId(), realm);
                                }
                            });
                })
                .replaceWithVoid();
    }

    private SamlKeyPair firstOrNull(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? open(iterator.next()) : null;
    }

    private SamlKeyPair open(Row row) {
        String keyId = row.getString("key_id");
        String realm = row.getString("realm");
        String use = row.getString("key_use");
        byte[] pkcs8 = seal.open(new PrivateKeySeal.Sealed(row.getBuffer("private_key_nonce").getBytes(),
                row.getBuffer("private_key_sealed").getBytes()), realm, use, keyId);
        try {
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(row.getBuffer("certificate").getBytes()));
            return new SamlKeyPair(keyId, privateKey, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored SAML " + use + " key " + keyId + " of realm " + realm
                    + " is not an RSA key with an X.509 certificate", e);
        }
    }

    /**
     * The pool answers on its own context; continue on the caller's, so a caller that goes on to use
     * a Hibernate Reactive session (bound to its context) stays on it.
     */
    private static <V> Uni<V> onCallersContext(Uni<V> pending) {
        Context caller = Vertx.currentContext();
        return caller == null ? pending : pending.emitOn(task -> caller.runOnContext(v -> task.run()));
    }
}
