package dev.arbor.federation.adapter.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.LoginFlow;
import dev.arbor.federation.port.LoginFlowStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link LoginFlowStore} in Redis: one JSON value per flow under
 * {@code <prefix>login-flow:<id>}, expiring with the flow. {@link #take} is {@code GETDEL}, atomic
 * across replicas.
 */
@ApplicationScoped
public class RedisLoginFlowStore implements LoginFlowStore {
    private static final Logger LOG = Logger.getLogger(RedisLoginFlowStore.class);

    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final String prefix;

    public RedisLoginFlowStore(ReactiveRedisDataSource redis, ObjectMapper json, ArborConfig config) {
        this.values = redis.value(String.class, String.class);
        this.json = json;
        this.prefix = config.redis().keyPrefix() + "login-flow:";
    }

    @Override
    public Uni<Void> save(LoginFlow flow, Duration ttl) {
        String text;
        try {
            text = json.writeValueAsString(flow);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("login flow not serialisable", e));
        }
        return values.setex(prefix + flow.id(), Math.max(1, ttl.toSeconds()), text);
    }

    @Override
    public Uni<Optional<LoginFlow>> find(String id) {
        return values.get(prefix + id).map(this::parse);
    }

    @Override
    public Uni<Optional<LoginFlow>> take(String id) {
        return values.getdel(prefix + id).map(this::parse);
    }

    /** {@code SET NX EX} on {@code <prefix>login-flow:<id>:<step>}: one winner across replicas. */
    @Override
    public Uni<Boolean> claimStep(String id, String step, Duration ttl) {
        return values.setGet(prefix + id + ":" + step, "1",
                        new SetArgs().nx().ex(Math.max(1, ttl.toSeconds())))
                .map(previous -> previous == null);
    }

    private Optional<LoginFlow> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, LoginFlow.class));
        } catch (JsonProcessingException e) {
            LOG.warn("a stored login flow could not be read; treated as absent");
            return Optional.empty();
        }
    }
}
