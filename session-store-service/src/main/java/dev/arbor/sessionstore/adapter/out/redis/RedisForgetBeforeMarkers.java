package dev.arbor.sessionstore.adapter.out.redis;

import dev.arbor.sessionstore.port.ForgetBeforeMarkers;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Forget-before markers as epoch seconds under {@code forget-before:<realm>:<subject>}, expiring after the longest sealed result. */
@ApplicationScoped
public class RedisForgetBeforeMarkers implements ForgetBeforeMarkers {
    private final ReactiveValueCommands<String, String> values;
    private final RedisKeys keys;

    public RedisForgetBeforeMarkers(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.values = redis.value(String.class);
        this.keys = keys;
    }

    @Override
    public CompletionStage<Void> set(String realm, String subject, Instant at, Duration ttl) {
        return values.set(keys.forgetBefore(realm, subject), Long.toString(at.getEpochSecond()), new SetArgs().px(ttl))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<Instant>> find(String realm, String subject) {
        return values.get(keys.forgetBefore(realm, subject))
                .map(value -> Optional.ofNullable(value).map(v -> Instant.ofEpochSecond(Long.parseLong(v))))
                .subscribeAsCompletionStage();
    }
}
