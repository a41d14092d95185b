package dev.arbor.token.adapter.out.postgres;

import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.key.StoredSigningKey;
import dev.arbor.token.port.SigningKeyRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Signing keys in {@code token.signing_keys} through the reactive PostgreSQL client. Two things need
 * plain SQL: "insert unless the realm has a current key of this alg" is {@code INSERT ... ON CONFLICT
 * DO NOTHING} against the partial unique index, and a rotation takes a transaction-scoped advisory
 * lock per realm and alg, so two rotations at once chain (the second retires the first's key)
 * instead of failing on the index.
 */
@Singleton
public class PgSigningKeyRepository implements SigningKeyRepository {

    private static final String COLUMNS = "kid, realm, alg, public_jwk, private_jwk_encrypted, activates_at, retired_at";
    private static final String FIND_PUBLISHED = "SELECT " + COLUMNS + """
             FROM token.signing_keys
            WHERE realm = $1 AND (retired_at IS NULL OR retired_at > $2)""";
    private static final String INSERT = "INSERT INTO token.signing_keys (" + COLUMNS + ", created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, NULL, now())";
    private static final String INSERT_FIRST = INSERT
            + " ON CONFLICT (realm, alg) WHERE retired_at IS NULL DO NOTHING";
    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('token.signing_keys/' || $1 || '/' || $2))";
    private static final String RETIRE_CURRENT = """
            UPDATE token.signing_keys SET retired_at = $3
             WHERE realm = $1 AND alg = $2 AND retired_at IS NULL""";

    private final Pool pool;

    public PgSigningKeyRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<List<StoredSigningKey>> findPublished(String realm, Instant retiredAfter) {
        return pool.preparedQuery(FIND_PUBLISHED).execute(Tuple.of(realm, utc(retiredAfter)))
                .map(rows -> {
                    List<StoredSigningKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(toKey(row)));
                    return keys;
                })
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> insertFirst(StoredSigningKey key) {
        return insert(pool, INSERT_FIRST, key).subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> replaceCurrent(StoredSigningKey next) {
        String alg = next.alg().jwsName();
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK).execute(Tuple.of(next.realm(), alg))
                .chain(locked -> connection.preparedQuery(RETIRE_CURRENT)
                        .execute(Tuple.of(next.realm(), alg, utc(next.activatesAt()))))
                .chain(retired -> retired.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : insert(connection, INSERT, next)))
                .subscribeAsCompletionStage();
    }

    private static Uni<Boolean> insert(SqlClient client, String sql, StoredSigningKey key) {
        return client.preparedQuery(sql)
                .execute(Tuple.from(List.of(key.kid(), key.realm(), key.alg().jwsName(), key.publicJwk(),
                        key.sealedPrivateJwk(), utc(key.activatesAt()))))
                .map(result -> result.rowCount() == 1);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static StoredSigningKey toKey(Row row) {
        OffsetDateTime retiredAt = row.getOffsetDateTime("retired_at");
        return new StoredSigningKey(row.getString("kid"), row.getString("realm"),
                SigningAlgorithm.find(row.getString("alg")).orElseThrow(),
                row.getString("public_jwk"), row.getString("private_jwk_encrypted"),
                row.getOffsetDateTime("activates_at").toInstant(), retiredAt == null ? null : retiredAt.toInstant());
    }
}
