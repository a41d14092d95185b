package dev.arbor.sessionstore.adapter.out.redis;

import dev.arbor.sessionstore.domain.journey.JourneyState;
import dev.arbor.sessionstore.port.JourneyStateStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * Journey state as a Redis hash {@code {version, state}} (state base64, as the reactive API sends
 * strings). The compare-and-set runs as one Lua script, which Redis executes atomically, so two
 * replicas racing on the same step cannot both win.
 */
@ApplicationScoped
public class RedisJourneyStateStore implements JourneyStateStore {
    /** KEYS[1] journey key; ARGV expected version, state, TTL in ms. Returns the new version, or 0 if refused. */
    static final String COMPARE_AND_SET = """
            local expected = tonumber(ARGV[1])
            if expected == 0 then
              if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            else
              local current = redis.call('HGET', KEYS[1], 'version')
              if (not current) or tonumber(current) ~= expected then return 0 end
            end
            local nextVersion = expected + 1
            redis.call('HSET', KEYS[1], 'version', tostring(nextVersion), 'state', ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return nextVersion
            """;

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;

    public RedisJourneyStateStore(ReactiveRedisDataSource redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    @Override
    public CompletionStage<OptionalLong> compareAndSet(String journeyId, long expectedVersion, byte[] state,
                                                       Duration ttl) {
        return redis.execute("EVAL", COMPARE_AND_SET, "1", keys.journey(journeyId),
                        Long.toString(expectedVersion), Base64.getEncoder().encodeToString(state),
                        Long.toString(ttl.toMillis()))
                .map(response -> {
                    long version = response.toLong();
                    return version > 0 ? OptionalLong.of(version) : OptionalLong.empty();
                })
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Optional<JourneyState>> find(String journeyId) {
        return redis.execute("HMGET", keys.journey(journeyId), "version", "state")
                .map(RedisJourneyStateStore::toState)
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Boolean> delete(String journeyId) {
        return redis.key().del(keys.journey(journeyId))
                .map(removed -> removed > 0)
                .subscribeAsCompletionStage();
    }

    private static Optional<JourneyState> toState(Response fields) {
        Response version = fields.get(0);
        Response state = fields.get(1);
        if (version == null || state == null) {
            return Optional.empty();
        }
        return Optional.of(new JourneyState(version.toLong(), Base64.getDecoder().decode(state.toString())));
    }
}
