package dev.arbor.federation.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.saml2.SamlLogoutState;
import dev.arbor.federation.port.SamlLogoutStates;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/** {@link SamlLogoutStates} in Redis: JSON under {@code <prefix>saml-logout:<id>}, expiring after its lifetime. */
@ApplicationScoped
public class RedisSamlLogoutStates implements SamlLogoutStates {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final String prefix;

    public RedisSamlLogoutStates(ReactiveRedisDataSource redis, ArborConfig config) {
        this.values = redis.value(String.class, String.class);
        this.keys = redis.key(String.class);
        this.prefix = config.redis().keyPrefix() + "saml-logout:";
    }

    @Override
    public Uni<Void> save(String id, SamlLogoutState state, Duration lifetime) {
        try {
            return values.setex(prefix + id, Math.max(1, lifetime.toSeconds()), JSON.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("a logout state could not be written", e));
        }
    }

    @Override
    public Uni<Optional<SamlLogoutState>> find(String id) {
        return values.get(prefix + id).map(json -> {
            if (json == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(JSON.readValue(json, SamlLogoutState.class));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Uni<Void> delete(String id) {
        return keys.del(prefix + id).replaceWithVoid();
    }
}
