package dev.arbor.sessionstore.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.sessionstore.domain.session.SsoSession;
import dev.arbor.sessionstore.port.SsoSessionRepository;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** SSO sessions as JSON strings under a digest of their id, expiring with the session (Redis TTL). */
@ApplicationScoped
public class RedisSsoSessionRepository implements SsoSessionRepository {
    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> values;
    private final RedisKeys keys;
    private final ObjectMapper json;

    public RedisSsoSessionRepository(ReactiveRedisDataSource redis, RedisKeys keys, ObjectMapper json) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.keys = keys;
        this.json = json;
    }

    @Override
    public CompletionStage<Void> save(SsoSession session, Duration ttl) {
        return values.set(keys.ssoSession(session.id()), write(StoredSession.of(session)), new SetArgs().px(ttl))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<SsoSession>> find(String id) {
        return values.get(keys.ssoSession(id))
                .map(value -> Optional.ofNullable(value).map(this::read).map(stored -> stored.withId(id)))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> delete(String id) {
        return redis.key().del(keys.ssoSession(id))
                .map(removed -> removed > 0)
                .subscribeAsCompletionStage();
    }

    private String write(StoredSession session) {
        try {
            return json.writeValueAsString(session);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a session", e);
        }
    }

    private StoredSession read(String value) {
        try {
            return json.readValue(value, StoredSession.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable session value in Redis", e);
        }
    }
}
