package dev.arbor.token.adapter.out.postgres;

import dev.arbor.token.domain.key.StoredSigningKey;
import dev.arbor.token.port.SigningKeyRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Signing keys in {@code token.signing_keys} through the reactive PostgreSQL client: the
 * "insert unless the realm already has an active key" needs {@code INSERT ... ON CONFLICT DO NOTHING}
 * against the partial unique index, which is plain SQL, not an entity operation.
 */
@Singleton
public class PgSigningKeyRepository implements SigningKeyRepository {

    private static final String ACTIVE = "active";
    private static final String FIND_ACTIVE = """
            SELECT kid, realm, alg, public_jwk, private_jwk_encrypted
              FROM token.signing_keys
             WHERE realm = $1 AND status = 'active'""";
    private static final String INSERT_IF_NO_ACTIVE = """
            INSERT INTO token.signing_keys (kid, realm, alg, public_jwk, private_jwk_encrypted, status, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, now())
            ON CONFLICT (realm) WHERE status = 'active' DO NOTHING""";
    private static final String PUBLIC_JWKS = """
            SELECT public_jwk
              FROM token.signing_keys
             WHERE realm = $1 AND status IN ('active', 'retired')
             ORDER BY created_at DESC, kid""";

    private final Pool pool;

    public PgSigningKeyRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<Optional<StoredSigningKey>> findActive(String realm) {
        return pool.preparedQuery(FIND_ACTIVE).execute(Tuple.of(realm))
                .map(rows -> {
                    var iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(toKey(iterator.next())) : Optional.<StoredSigningKey>empty();
                })
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> insertIfNoActive(StoredSigningKey key) {
        return pool.preparedQuery(INSERT_IF_NO_ACTIVE)
                .execute(Tuple.from(List.of(key.kid(), key.realm(), key.alg(), key.publicJwk(),
                        key.sealedPrivateJwk(), ACTIVE)))
                .map(result -> result.rowCount() == 1)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<String>> publicJwks(String realm) {
        return pool.preparedQuery(PUBLIC_JWKS).execute(Tuple.of(realm))
                .map(rows -> {
                    List<String> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(row.getString("public_jwk")));
                    return keys;
                })
                .subscribeAsCompletionStage();
    }

    private static StoredSigningKey toKey(Row row) {
        return new StoredSigningKey(row.getString("kid"), row.getString("realm"), row.getString("alg"),
                row.getString("public_jwk"), row.getString("private_jwk_encrypted"));
    }
}
