package dev.arbor.federation.adapter.out.keys;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.federation.config.SamlKeyEncryptionKey;
import dev.arbor.federation.domain.saml2.SamlKeyPair;
import dev.arbor.federation.domain.saml2.SamlKeyState;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link SamlCredentials} in PostgreSQL ({@code federation.saml_key}, V9 and V10). A realm's key pair of
 * a use is generated the first time it is asked for, then inserted only if the realm has no current key
 * of that use yet ({@code ON CONFLICT DO NOTHING} on the partial unique index) and read back: when two
 * replicas generate at once, both end up with the one row that won. Private keys are sealed with
 * {@link PrivateKeySeal}; a key that does not open fails the request (never replaced by a new one).
 * The current keys are held in {@link SamlKeyCache} once read; a rollover ({@link PgSamlKeyRollover})
 * evicts them. Metadata lists are read from the store on every call.
 */
@ApplicationScoped
public class PgSamlCredentials implements SamlCredentials {
    private static final Logger LOG = Logger.getLogger(PgSamlCredentials.class);

    private static final String COLUMNS = "key_id, realm, key_use, certificate, private_key_nonce, private_key_sealed";
    private static final String FIND_CURRENT = "SELECT " + COLUMNS
            + " FROM federation.saml_key WHERE realm = $1 AND key_use = $2 AND state = 'current'";
    private static final String FIND_PUBLISHED = "SELECT " + COLUMNS + """
             FROM federation.saml_key
            WHERE realm = $1 AND key_use = $2 AND state IN ('current', 'published', 'previous')
            ORDER BY state = 'current' DESC, created_at DESC""";
    private static final String INSERT_CURRENT = "INSERT INTO federation.saml_key (" + COLUMNS + ", state, activated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, 'current', now())"
            + " ON CONFLICT (realm, key_use) WHERE state = 'current' DO NOTHING";
    private static final String INSERT_PUBLISHED = "INSERT INTO federation.saml_key (" + COLUMNS + ", state)"
            + " VALUES ($1, $2, $3, $4, $5, $6, 'published')"
            + " ON CONFLICT (realm, key_use) WHERE state = 'published' DO NOTHING";

    private final Pool pool;
    private final PrivateKeySeal seal;
    private final SelfSignedKeyPairs generator;
    private final SamlKeyCache cache;

    @Inject
    public PgSamlCredentials(Pool pool, SamlKeyEncryptionKey kek, Clock clock, SamlKeyCache cache) {
        this.pool = pool;
        this.seal = new PrivateKeySeal(kek);
        this.generator = new SelfSignedKeyPairs(clock);
        this.cache = cache;
    }

    /** Another replica: its own memory, the same database and KEK. */
    PgSamlCredentials(Pool pool, SamlKeyEncryptionKey kek, Clock clock) {
        this(pool, kek, clock, new SamlKeyCache(Duration.ofMinutes(1), Ticker.systemTicker()));
    }

    @Override
    public Uni<SamlKeyPair> signing(String realm) {
        return currentKey(realm, SamlKeyUse.SIGNING);
    }

    @Override
    public Uni<SamlKeyPair> encryption(String realm) {
        return currentKey(realm, SamlKeyUse.ENCRYPTION);
    }

    /** The current signing key first, then the published (next) and previous ones during a rollover. */
    @Override
    public Uni<List<SamlKeyPair>> publishedSigning(String realm) {
        return published(realm, SamlKeyUse.SIGNING);
    }

    @Override
    public Uni<List<SamlKeyPair>> publishedEncryption(String realm) {
        return published(realm, SamlKeyUse.ENCRYPTION);
    }

    /** This replica's memory of current keys; a rollover evicts from it. */
    SamlKeyCache cache() {
        return cache;
    }

    private Uni<List<SamlKeyPair>> published(String realm, SamlKeyUse use) {
        return currentKey(realm, use).chain(first -> onCallersContext(pool.preparedQuery(FIND_PUBLISHED)
                .execute(Tuple.of(realm, use.value()))
                .map(rows -> {
                    List<SamlKeyPair> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(open(row)));
                    return keys;
                })));
    }

    private Uni<SamlKeyPair> currentKey(String realm, SamlKeyUse use) {
        SamlKeyPair held = cache.get(realm, use);
        if (held != null) {
            return Uni.createFrom().item(held);
        }
        long generation = cache.generation();
        Uni<SamlKeyPair> load = findCurrent(realm, use)
                .onItem().ifNull().switchTo(() -> generateAndInsert(realm, use, SamlKeyState.CURRENT)
                        .chain(() -> findCurrent(realm, use)))
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "no current SAML " + use.value() + " key of realm " + realm + " after inserting one"))
                .map(key -> cache.put(realm, use, key, generation));
        return onCallersContext(load);
    }

    private Uni<SamlKeyPair> findCurrent(String realm, SamlKeyUse use) {
        return pool.preparedQuery(FIND_CURRENT).execute(Tuple.of(realm, use.value())).map(this::firstOrNull);
    }

    /**
     * Generates a key pair and inserts it as {@code current} (first use) or {@code published} (the next
     * key of a rollover), unless the realm already has a key of that use in that state.
     * RSA 3072 takes a noticeable fraction of a second: generated on a worker thread, never on the event loop.
     *
     * @return the new key's id, or empty when another key held that state first
     */
    Uni<Optional<String>> generateAndInsert(String realm, SamlKeyUse use, SamlKeyState state) {
        String insert = switch (state) {
            case CURRENT -> INSERT_CURRENT;
            case PUBLISHED -> INSERT_PUBLISHED;
            default -> throw new IllegalArgumentException("a new key is current or published, not " + state);
        };
        return Uni.createFrom().item(() -> generator.generate(realm, use.value()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(generated -> {
                    PrivateKeySeal.Sealed sealed = seal.seal(generated.keyPair().getPrivate().getEncoded(), realm,
                            use.value(), generated.keyId());
                    byte[] certificate;
                    try {
                        certificate = generated.certificate().getEncoded();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("a generated certificate could not be encoded", e);
                    }
                    return pool.preparedQuery(insert).execute(Tuple.from(List.of(generated.keyId(), realm, use.value(),
                                    Buffer.buffer(certificate),
                                    Buffer.buffer(sealed.nonce()),
                                    Buffer.buffer(sealed.ciphertext()))))
                            .map(result -> {
                                if (result.rowCount() != 1) {
                                    return Optional.<String>empty();
                                }
                                LOG.infof("generated the SAML %s key %s of realm %s as %s", use.value(),
                                        generated.keyId(), realm, state.value());
                                return Optional.of(generated.keyId());
                            });
                });
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
            return new SamlKeyPair(keyId, privateKey, certificate(row.getBuffer("certificate").getBytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored SAML " + use + " key " + keyId + " of realm " + realm
                    + " is not an RSA key with an X.509 certificate", e);
        }
    }

    static X509Certificate certificate(byte[] der) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * The pool answers on its own context; continue on the caller's, so a caller that goes on to use
     * a Hibernate Reactive session (bound to its context) stays on it.
     */
    static <V> Uni<V> onCallersContext(Uni<V> pending) {
        Context caller = Vertx.currentContext();
        return caller == null ? pending : pending.emitOn(task -> caller.runOnContext(v -> task.run()));
    }
}
