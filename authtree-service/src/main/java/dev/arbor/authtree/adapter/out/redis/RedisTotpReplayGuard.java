package dev.arbor.authtree.adapter.out.redis;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.totp.Totp;
import dev.arbor.authtree.domain.totp.TotpVerifier;
import dev.arbor.authtree.port.TotpReplayGuard;
import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code <prefix>totp-used:<realm>:<subject>:<step>} written with {@code SET NX}: only the first request of
 * any replica wins a step. The key outlives the window in which the step's code is accepted.
 */
@ApplicationScoped
public class RedisTotpReplayGuard implements TotpReplayGuard {
    private static final Duration TTL = Duration.ofSeconds(Totp.STEP_SECONDS * (2L * TotpVerifier.WINDOW + 2));

    private final RedisDataSource redis;
    private final String prefix;

    public RedisTotpReplayGuard(RedisDataSource redis, ArborConfig config) {
        this.redis = redis;
        this.prefix = config.redis().keyPrefix();
    }

    @Override
    public boolean firstUse(String realm, String subject, long step) {
        String key = prefix + "totp-used:" + URLEncoder.encode(realm, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(subject, StandardCharsets.UTF_8) + ":" + step;
        // one atomic SET key 1 NX PX ttl: null reply when the key already existed
        return redis.execute("SET", key, "1", "NX", "PX", Long.toString(TTL.toMillis())) != null;
    }
}
