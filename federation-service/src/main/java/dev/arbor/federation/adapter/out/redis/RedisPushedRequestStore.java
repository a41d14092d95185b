package dev.arbor.federation.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.PushedRequest;
import dev.arbor.federation.port.PushedRequestStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link PushedRequestStore} in Redis: one JSON value per request under
 * {@code <prefix>par:<reference>}, expiring with it; {@link #take} is {@code GETDEL}.
 */
@ApplicationScoped
public class RedisPushedRequestStore implements PushedRequestStore {
    private static final Logger LOG = Logger.getLogger(RedisPushedRequestStore.class);

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final String prefix;

    public RedisPushedRequestStore(ReactiveRedisDataSource redis, ObjectMapper json, ArborConfig config) {
        this.values = redis.value(String.class, String.class);
        this.json = json;
        this.prefix = config.redis().keyPrefix() + "par:";
    }

    @Override
    public Uni<Void> save(String reference, PushedRequest request, Duration ttl) {
        String text;
        try {
            text = json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("pushed request not serialisable", e));
        }
        return values.setex(prefix + reference, Math.max(1, ttl.toSeconds()), text);
    }

    @Override
    public Uni<Optional<PushedRequest>> take(String reference) {
        return values.getdel(prefix + reference).map(text -> {
            if (text == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(json.readValue(text, PushedRequest.class));
            } catch (JsonProcessingException e) {
                LOG.warn("a stored pushed authorization request could not be read; treated as absent");
                return Optional.empty();
            }
        });
    }
}
