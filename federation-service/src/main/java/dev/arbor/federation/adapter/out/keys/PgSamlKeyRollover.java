package dev.arbor.federation.adapter.out.keys;

import dev.arbor.federation.domain.saml2.SamlKeyChange;
import dev.arbor.federation.domain.saml2.SamlKeyInfo;
import dev.arbor.federation.domain.saml2.SamlKeyState;
import dev.arbor.federation.domain.saml2.SamlKeyUse;
import dev.arbor.federation.port.SamlKeyRollover;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@link SamlKeyRollover} on {@code federation.saml_key}. Every step is one statement or one
 * transaction whose {@code WHERE} names the state it expects, so concurrent steps serialise on the row
 * locks and the loser finds nothing to change (a refusal, never a second current key); the partial
 * unique indexes on {@code current} and {@code published} are the last guard. After an activation
 * this replica drops its cached current keys at once.
 */
@ApplicationScoped
public class PgSamlKeyRollover implements SamlKeyRollover {
    private static final Logger LOG = Logger.getLogger(PgSamlKeyRollover.class);

    private static final String VIEW =
            "key_id, key_use, state, certificate, created_at, activated_at, deactivated_at, retired_at";
    private static final String LIST = "SELECT " + VIEW + """
             FROM federation.saml_key WHERE realm = $1
            ORDER BY key_use = 'signing' DESC,
                     CASE state WHEN 'current' THEN 0 WHEN 'published' THEN 1 WHEN 'previous' THEN 2 ELSE 3 END,
                     created_at DESC""";
    private static final String FIND = "SELECT " + VIEW + " FROM federation.saml_key WHERE realm = $1 AND key_id = $2";
    private static final String HAS_PUBLISHED = "SELECT key_id FROM federation.saml_key"
            + " WHERE realm = $1 AND key_use = $2 AND state = 'published'";
    /** Locks the published row: a second activation waits here, then finds it current and stops. */
    private static final String LOCK_PUBLISHED = HAS_PUBLISHED + " FOR UPDATE";
    private static final String DEMOTE_CURRENT = "UPDATE federation.saml_key SET state = 'previous', deactivated_at = now()"
            + " WHERE realm = $1 AND key_use = $2 AND state = 'current' RETURNING " + VIEW;
    private static final String PROMOTE = "UPDATE federation.saml_key SET state = 'current', activated_at = now()"
            + " WHERE realm = $1 AND key_id = $2 AND state = 'published' RETURNING " + VIEW;
    private static final String RETIRE = "UPDATE federation.saml_key SET state = 'retired', retired_at = now()"
            + " WHERE realm = $1 AND key_id = $2 AND state IN ('published', 'previous') RETURNING " + VIEW;

    private final Pool pool;
    private final PgSamlCredentials credentials;

    public PgSamlKeyRollover(Pool pool, PgSamlCredentials credentials) {
        this.pool = pool;
        this.credentials = credentials;
    }

    @Override
    public Uni<List<SamlKeyInfo>> list(String realm) {
        return PgSamlCredentials.onCallersContext(pool.preparedQuery(LIST).execute(Tuple.of(realm)).map(rows -> {
            List<SamlKeyInfo> keys = new ArrayList<>();
            rows.forEach(row -> keys.add(info(row)));
            return keys;
        }));
    }

    /** The realm's current key of {@code use} is created first if it has none, so "next" always follows a current key. */
    @Override
    public Uni<SamlKeyChange> next(String realm, SamlKeyUse use) {
        Uni<SamlKeyChange> change = current(realm, use)
                .chain(v -> pool.preparedQuery(HAS_PUBLISHED).execute(Tuple.of(realm, use.value())))
                .chain(rows -> rows.size() > 0
                        ? Uni.createFrom().item(alreadyPublished(use))
                        : credentials.generateAndInsert(realm, use, SamlKeyState.PUBLISHED).chain(inserted -> inserted
                                .map(keyId -> find(pool, realm, keyId).map(PgSamlKeyRollover::done))
                                .orElseGet(() -> Uni.createFrom().item(alreadyPublished(use)))));
        return PgSamlCredentials.onCallersContext(change);
    }

    @Override
    public Uni<SamlKeyChange> activate(String realm, SamlKeyUse use) {
        Uni<SamlKeyChange> change = pool.withTransaction(tx -> tx.preparedQuery(LOCK_PUBLISHED)
                        .execute(Tuple.of(realm, use.value()))
                        .chain(locked -> {
                            if (locked.size() == 0) {
                                return Uni.createFrom().item((SamlKeyChange) new SamlKeyChange.Refused(
                                        "The realm has no published " + use.value()
                                                + " key to activate; POST .../" + use.value() + "/next first."));
                            }
                            String keyId = locked.iterator().next().getString("key_id");
                            return tx.preparedQuery(DEMOTE_CURRENT).execute(Tuple.of(realm, use.value()))
                                    .chain(demoted -> tx.preparedQuery(PROMOTE).execute(Tuple.of(realm, keyId))
                                            .map(promoted -> (SamlKeyChange) new SamlKeyChange.Done(
                                                    info(promoted.iterator().next()), firstOrNull(demoted))));
                        }))
                .invoke(done -> {
                    if (done instanceof SamlKeyChange.Done d) {
                        credentials.cache().evictRealm(realm);
                        LOG.infof("activated the SAML %s key %s of realm %s (previous: %s)", use.value(),
                                d.key().keyId(), realm, d.replaced() == null ? "none" : d.replaced().keyId());
                    }
                });
        return PgSamlCredentials.onCallersContext(change);
    }

    @Override
    public Uni<SamlKeyChange> retire(String realm, String keyId) {
        Uni<SamlKeyChange> change = pool.preparedQuery(RETIRE).execute(Tuple.of(realm, keyId)).chain(retired -> {
            SamlKeyInfo key = firstOrNull(retired);
            if (key != null) {
                LOG.infof("retired the SAML %s key %s of realm %s", key.use().value(), keyId, realm);
                return Uni.createFrom().item((SamlKeyChange) new SamlKeyChange.Done(key, null));
            }
            return find(pool, realm, keyId).map(found -> {
                if (found == null) {
                    return new SamlKeyChange.UnknownKey();
                }
                if (found.state() == SamlKeyState.CURRENT) {
                    return new SamlKeyChange.Refused("The key is the current " + found.use().value()
                            + " key; activate a published key first, which makes this one previous.");
                }
                return new SamlKeyChange.Done(found, null); // already retired: nothing to do
            });
        });
        return PgSamlCredentials.onCallersContext(change);
    }

    private Uni<Void> current(String realm, SamlKeyUse use) {
        return (use == SamlKeyUse.SIGNING ? credentials.signing(realm) : credentials.encryption(realm)).replaceWithVoid();
    }

    private static SamlKeyChange done(SamlKeyInfo key) {
        return new SamlKeyChange.Done(key, null);
    }

    private static SamlKeyChange alreadyPublished(SamlKeyUse use) {
        return new SamlKeyChange.Refused("The realm already has a published " + use.value()
                + " key that is not activated yet; activate or retire it first.");
    }

    private static Uni<SamlKeyInfo> find(SqlClient client, String realm, String keyId) {
        return client.preparedQuery(FIND).execute(Tuple.of(realm, keyId)).map(PgSamlKeyRollover::firstOrNull);
    }

    private static SamlKeyInfo firstOrNull(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? info(iterator.next()) : null;
    }

    private static SamlKeyInfo info(Row row) {
        String keyId = row.getString("key_id");
        try {
            return new SamlKeyInfo(keyId,
                    SamlKeyUse.of(row.getString("key_use")).orElseThrow(),
                    SamlKeyState.of(row.getString("state")).orElseThrow(),
                    PgSamlCredentials.certificate(row.getBuffer("certificate").getBytes()),
                    instant(row.getOffsetDateTime("created_at")),
                    instant(row.getOffsetDateTime("activated_at")),
                    instant(row.getOffsetDateTime("deactivated_at")),
                    instant(row.getOffsetDateTime("retired_at")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored certificate of SAML key " + keyId + " does not parse", e);
        }
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
