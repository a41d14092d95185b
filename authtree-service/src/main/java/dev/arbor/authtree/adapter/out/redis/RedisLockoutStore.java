package dev.arbor.authtree.adapter.out.redis;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.port.LockoutStore;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Lockout state in Redis: {@code <prefix>lockout:<realm>:<username>:failures} (INCR, expiring a window
 * after the last failure) and {@code ...:until} (the lock's end in epoch millis). The domain compares the
 * end with its own clock; the Redis TTL only cleans up.
 */
@ApplicationScoped
public class RedisLockoutStore implements LockoutStore {
    private static final Duration CLEANUP_MARGIN = Duration.ofMinutes(1);

    private final ValueCommands<String, String> values;
    private final KeyCommands<String> keys;
    private final String prefix;

    public RedisLockoutStore(RedisDataSource redis, ArborConfig config) {
        this.values = redis.value(String.class);
        this.keys = redis.key();
        this.prefix = config.redis().keyPrefix();
    }

    @Override
    public Optional<Instant> lockedUntil(String realm, String username) {
        return Optional.ofNullable(values.get(key(realm, username, "until")))
                .map(Long::parseLong).map(Instant::ofEpochMilli);
    }

    @Override
    public long recordFailure(String realm, String username, Duration window) {
        String key = key(realm, username, "failures");
        long count = values.incr(key);
        keys.pexpire(key, window.plus(CLEANUP_MARGIN));
        return count;
    }

    @Override
    public void lock(String realm, String username, Instant until) {
        Duration ttl = Duration.between(Instant.now(), until).plus(CLEANUP_MARGIN);
        values.set(key(realm, username, "until"), Long.toString(until.toEpochMilli()),
                new SetArgs().px(ttl.isNegative() ? CLEANUP_MARGIN : ttl));
        keys.del(key(realm, username, "failures"));
    }

    @Override
    public void reset(String realm, String username) {
        keys.del(key(realm, username, "failures"), key(realm, username, "until"));
    }

    private String key(String realm, String username, String part) {
        String user = URLEncoder.encode(username.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
        return prefix + "lockout:" + URLEncoder.encode(realm, StandardCharsets.UTF_8) + ":" + user + ":" + part;
    }
}
