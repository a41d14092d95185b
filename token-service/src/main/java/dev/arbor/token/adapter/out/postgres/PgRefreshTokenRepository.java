package dev.arbor.token.adapter.out.postgres;

import dev.arbor.token.domain.refresh.PresentedRefreshToken;
import dev.arbor.token.domain.refresh.RefreshTokenFamily;
import dev.arbor.token.domain.refresh.StoredRefreshToken;
import dev.arbor.token.domain.revocation.AccessTokenId;
import dev.arbor.token.domain.token.EndUser;
import dev.arbor.token.port.RefreshTokenRepository;
import dev.arbor.token.port.SessionRefreshFamilies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Refresh-token families and tokens in {@code token.refresh_token_families} and
 * {@code token.refresh_tokens}, through the reactive PostgreSQL client. The redemption is one
 * {@code UPDATE ... WHERE used_at IS NULL ... RETURNING}: PostgreSQL locks the row, so of any number
 * of concurrent redemptions on any number of replicas exactly one updates it.
 */
@Singleton
public class PgRefreshTokenRepository implements RefreshTokenRepository, SessionRefreshFamilies {

    private static final String FAMILY_COLUMNS = """
            f.id, f.realm, f.client_id, f.subject, f.session_id, f.scopes, f.auth_time, f.acr, f.amr, f.claims,
            f.created_at, f.absolute_expires_at, f.revoked_at""";
    private static final String INSERT_FAMILY = """
            INSERT INTO token.refresh_token_families
                (id, realm, client_id, subject, session_id, scopes, auth_time, acr, amr, claims, created_at,
                 absolute_expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";
    private static final String INSERT_TOKEN = """
            INSERT INTO token.refresh_tokens
                (hash, family_id, issued_at, idle_expires_at, access_token_jti, access_token_expires_at)
            VALUES ($1, $2, $3, $4, $5, $6)""";
    private static final String REDEEM = """
            UPDATE token.refresh_tokens t
               SET used_at = $5
              FROM token.refresh_token_families f
             WHERE t.hash = $1 AND t.used_at IS NULL AND t.idle_expires_at > $5
               AND f.id = t.family_id AND f.realm = $2 AND f.client_id = $3 AND f.revoked_at IS NULL
               AND f.absolute_expires_at > $5 AND f.scopes @> $4
            RETURNING""" + " " + FAMILY_COLUMNS;
    private static final String FIND = """
            SELECT t.hash, t.family_id, t.issued_at, t.idle_expires_at, t.used_at, t.access_token_jti,
                   t.access_token_expires_at,""" + " " + FAMILY_COLUMNS + """

              FROM token.refresh_tokens t JOIN token.refresh_token_families f ON f.id = t.family_id
             WHERE t.hash = $1""";
    private static final String IS_REVOKED = "SELECT revoked_at IS NOT NULL AS revoked FROM token.refresh_token_families WHERE id = $1";
    private static final String REVOKE_FAMILY = """
            UPDATE token.refresh_token_families SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1""";
    private static final String LIVE_ACCESS_TOKENS = """
            SELECT access_token_jti, access_token_expires_at FROM token.refresh_tokens
             WHERE family_id = $1 AND access_token_expires_at > $2""";

    /** Families that ended before $1 (see {@link RefreshTokenRepository#purgeEnded}); the tokens go by ON DELETE CASCADE. */
    private static final String PURGE_ENDED = """
            DELETE FROM token.refresh_token_families WHERE id IN (
                SELECT f.id FROM token.refresh_token_families f
                 WHERE f.absolute_expires_at < $1 OR f.revoked_at < $1
                    OR NOT EXISTS (SELECT 1 FROM token.refresh_tokens t
                                    WHERE t.family_id = f.id AND t.idle_expires_at >= $1)
                 LIMIT $2)""";

    private static final String UNREVOKED_OF_SESSION = "SELECT " + FAMILY_COLUMNS + """

              FROM token.refresh_token_families f
             WHERE f.realm = $1 AND f.session_id = $2 AND f.revoked_at IS NULL""";

    private static final String USERINFO_CLAIMS_KEY = "userinfo_claims";

    private final Pool pool;

    public PgRefreshTokenRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public CompletionStage<Void> create(RefreshTokenFamily family, StoredRefreshToken first) {
        EndUser user = family.endUser();
        Tuple familyRow = Tuple.from(List.of(UUID.fromString(family.id()), family.realm(), family.clientId(),
                user.subject(), user.sessionId(), family.scopes().toArray(String[]::new), user.authTime(), user.acr(),
                user.amr().toArray(String[]::new), claimsColumn(user),
                utc(family.createdAt()), utc(family.absoluteExpiresAt())));
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_FAMILY).execute(familyRow)
                        .chain(inserted -> connection.preparedQuery(INSERT_TOKEN).execute(tokenRow(first))))
                .replaceWithVoid()
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<RefreshTokenFamily>> redeem(String hash, String realm, String clientId,
            List<String> scopes, Instant now) {
        return pool.preparedQuery(REDEEM)
                .execute(Tuple.of(hash, realm, clientId, scopes.toArray(String[]::new), utc(now)))
                .map(rows -> first(rows, PgRefreshTokenRepository::family))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<PresentedRefreshToken>> find(String hash) {
        return pool.preparedQuery(FIND).execute(Tuple.of(hash))
                .map(rows -> first(rows, row -> new PresentedRefreshToken(token(row), family(row))))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> add(StoredRefreshToken next) {
        // Two statements on purpose: the check reads after the insert has committed, so a revocation
        // that committed before it is seen here, and one that commits after it finds the new row.
        return pool.preparedQuery(INSERT_TOKEN).execute(tokenRow(next))
                .chain(inserted -> pool.preparedQuery(IS_REVOKED).execute(Tuple.of(UUID.fromString(next.familyId()))))
                .map(rows -> first(rows, row -> row.getBoolean("revoked")).map(revoked -> !revoked).orElse(false))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<AccessTokenId>> revokeFamily(String familyId, Instant now) {
        UUID id = UUID.fromString(familyId);
        return pool.preparedQuery(REVOKE_FAMILY).execute(Tuple.of(id, utc(now)))
                .chain(updated -> pool.preparedQuery(LIVE_ACCESS_TOKENS).execute(Tuple.of(id, utc(now))))
                .map(rows -> {
                    List<AccessTokenId> alive = new ArrayList<>();
                    rows.forEach(row -> alive.add(new AccessTokenId(row.getString("access_token_jti"),
                            instant(row, "access_token_expires_at"))));
                    return alive;
                })
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Integer> purgeEnded(Instant endedBefore, int limit) {
        return pool.preparedQuery(PURGE_ENDED).execute(Tuple.of(utc(endedBefore), limit))
                .map(RowSet::rowCount)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<RefreshTokenFamily>> unrevokedFamiliesOf(String realm, String sessionId) {
        return pool.preparedQuery(UNREVOKED_OF_SESSION).execute(Tuple.of(realm, sessionId))
                .map(rows -> {
                    List<RefreshTokenFamily> families = new ArrayList<>();
                    rows.forEach(row -> families.add(family(row)));
                    return families;
                })
                .subscribeAsCompletionStage();
    }

    private static Tuple tokenRow(StoredRefreshToken token) {
        return Tuple.of(token.hash(), UUID.fromString(token.familyId()), utc(token.issuedAt()),
                utc(token.idleExpiresAt()), token.accessToken().jti(), utc(token.accessToken().expiresAt()));
    }

    /**
     * The {@code claims} column: the released profile claims, plus the names of the claims asked for at the
     * UserInfo endpoint under {@value #USERINFO_CLAIMS_KEY} (a JSON array), so a refreshed access token carries
     * them on. The key is a registered claim name, never a released profile claim, so the two cannot clash.
     */
    private static JsonObject claimsColumn(EndUser user) {
        JsonObject json = new JsonObject(new HashMap<>(user.claims()));
        if (!user.userinfoClaims().isEmpty()) {
            json.put(USERINFO_CLAIMS_KEY, new JsonArray(new ArrayList<>(user.userinfoClaims())));
        }
        return json;
    }

    private static RefreshTokenFamily family(Row row) {
        Map<String, String> claims = new HashMap<>();
        List<String> userinfoClaims = new ArrayList<>();
        JsonObject json = (JsonObject) row.getValue("claims");
        if (json != null) {
            json.forEach(entry -> {
                if (USERINFO_CLAIMS_KEY.equals(entry.getKey())) {
                    if (entry.getValue() instanceof JsonArray names) {
                        names.forEach(name -> userinfoClaims.add(String.valueOf(name)));
                    }
                } else {
                    claims.put(entry.getKey(), String.valueOf(entry.getValue()));
                }
            });
        }
        var user = new EndUser(row.getString("subject"), row.getString("session_id"), row.getLong("auth_time"),
                row.getString("acr"), List.of(row.getArrayOfStrings("amr")), claims, userinfoClaims);
        return new RefreshTokenFamily(row.getUUID("id").toString(), row.getString("realm"), row.getString("client_id"),
                user, List.of(row.getArrayOfStrings("scopes")), instant(row, "created_at"),
                instant(row, "absolute_expires_at"), Optional.ofNullable(instant(row, "revoked_at")));
    }

    private static StoredRefreshToken token(Row row) {
        return new StoredRefreshToken(row.getString("hash"), row.getUUID("family_id").toString(),
                instant(row, "issued_at"), instant(row, "idle_expires_at"),
                Optional.ofNullable(instant(row, "used_at")),
                new AccessTokenId(row.getString("access_token_jti"), instant(row, "access_token_expires_at")));
    }

    private static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> map) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(map.apply(iterator.next())) : Optional.empty();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
