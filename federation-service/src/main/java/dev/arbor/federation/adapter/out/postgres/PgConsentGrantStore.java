package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.domain.ConsentGrant;
import dev.arbor.federation.port.ConsentGrantStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ConsentGrantStore} in {@code federation.consent_grant}, through the reactive PostgreSQL client.
 * Remembering is one {@code INSERT ... ON CONFLICT DO UPDATE}, so two replicas remembering at once for the
 * same user and client leave one row with the scopes of both.
 */
@ApplicationScoped
public class PgConsentGrantStore implements ConsentGrantStore {
    private static final String FIND = """
            SELECT scopes, granted_at, expires_at FROM federation.consent_grant
             WHERE realm = $1 AND subject = $2 AND client_id = $3""";
    // an unexpired grant keeps its scopes and gains the new ones; an expired one is replaced
    private static final String REMEMBER = """
            INSERT INTO federation.consent_grant AS g (realm, subject, client_id, scopes, granted_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (realm, subject, client_id) DO UPDATE
               SET scopes = CASE WHEN g.expires_at > excluded.granted_at
                                 THEN ARRAY(SELECT DISTINCT s FROM unnest(g.scopes || excluded.scopes) AS s ORDER BY s)
                                 ELSE excluded.scopes END,
                   granted_at = excluded.granted_at,
                   expires_at = excluded.expires_at""";
    private static final String REVOKE = """
            DELETE FROM federation.consent_grant WHERE realm = $1 AND subject = $2 AND client_id = $3""";

    private final Pool pool;

    public PgConsentGrantStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<ConsentGrant>> find(String realm, String subject, String clientId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(realm, subject, clientId)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(grant(realm, subject, clientId, it.next())) : Optional.empty();
        });
    }

    @Override
    public Uni<Void> remember(ConsentGrant grant) {
        return pool.preparedQuery(REMEMBER).execute(Tuple.from(List.of(grant.realm(), grant.subject(),
                        grant.clientId(), grant.sortedScopes().toArray(String[]::new), utc(grant.grantedAt()),
                        utc(grant.expiresAt()))))
                .replaceWithVoid();
    }

    @Override
    public Uni<Boolean> revoke(String realm, String subject, String clientId) {
        return pool.preparedQuery(REVOKE).execute(Tuple.of(realm, subject, clientId))
                .map(rows -> rows.rowCount() > 0);
    }

    private static ConsentGrant grant(String realm, String subject, String clientId, Row row) {
        return new ConsentGrant(realm, subject, clientId, Set.copyOf(List.of(row.getArrayOfStrings("scopes"))),
                instant(row.getOffsetDateTime("granted_at")), instant(row.getOffsetDateTime("expires_at")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }
}
