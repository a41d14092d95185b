package dev.arbor.token.adapter.out.redis;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.domain.revocation.Revocation;
import dev.arbor.token.port.RevocationStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Revocations in Redis: {@code <prefix>revoked:<jti>} holds {@code {realm, client_id, exp}} with a
 * TTL of the token's remaining lifetime, so Redis forgets a revocation when it stops mattering.
 * Listing is a {@code SCAN} over the prefix (never {@code KEYS}) followed by {@code MGET}s.
 */
@Singleton
public class RedisRevocationStore implements RevocationStore {

    private static final Logger LOG = Logger.getLogger(RedisRevocationStore.class);
    private static final int SCAN_BATCH = 500;

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final ObjectMapper json;
    private final String prefix;

    public RedisRevocationStore(ReactiveRedisDataSource redis, ObjectMapper json, ArborConfig config) {
        this.values = redis.value(String.class, String.class);
        this.keys = redis.key(String.class);
        this.json = json;
        this.prefix = config.redis().keyPrefix() + "revoked:";
    }

    @Override
    public CompletionStage<Void> save(Revocation revocation, Duration ttl) {
        return values.psetex(prefix + revocation.jti(), Math.max(1, ttl.toMillis()), write(revocation))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<List<Revocation>> list() {
        return keys.scan(new KeyScanArgs().match(escapeGlob(prefix) + "*").count(SCAN_BATCH))
                .toMulti().collect().asList()
                .chain(this::load)
                .subscribeAsCompletionStage();
    }

    private Uni<List<Revocation>> load(List<String> found) {
        List<String> distinct = found.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Map<String, String>>> batches = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += SCAN_BATCH) {
            List<String> batch = distinct.subList(i, Math.min(distinct.size(), i + SCAN_BATCH));
            batches.add(values.mget(batch.toArray(String[]::new)));
        }
        return Uni.join().all(batches).andFailFast().map(maps -> maps.stream()
                .flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getValue() != null) // expired between SCAN and MGET
                .map(e -> read(e.getKey().substring(prefix.length()), e.getValue()))
                .filter(Objects::nonNull)
                .toList());
    }

    private String write(Revocation r) {
        try {
            return json.writeValueAsString(new Stored(r.realm(), r.clientId(), r.expiresAt().getEpochSecond()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise a revocation", e);
        }
    }

    private Revocation read(String jti, String stored) {
        try {
            Stored s = json.readValue(stored, Stored.class);
            return new Revocation(s.realm(), jti, s.clientId(), Instant.ofEpochSecond(s.exp()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("skipped an unreadable revocation entry in Redis (%d characters)", stored.length());
            return null;
        }
    }

    /** The key prefix is configuration; glob characters in it must match literally. */
    private static String escapeGlob(String value) {
        return value.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    record Stored(@JsonProperty("realm") String realm, @JsonProperty("client_id") String clientId,
            @JsonProperty("exp") long exp) {
    }
}
