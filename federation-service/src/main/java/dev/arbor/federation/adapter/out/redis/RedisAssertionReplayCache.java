package dev.arbor.federation.adapter.out.redis;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.port.AssertionReplayCache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@link AssertionReplayCache} in Redis: {@code SET <prefix>client-assertion:<digest> 1 NX PXAT exp},
 * atomic across replicas; the key goes away once the assertion
 * would be refused as expired anyway. The key is a
 * SHA-256 of realm, client and jti, so a client-chosen jti cannot shape the key space.
 */
@ApplicationScoped
public class RedisAssertionReplayCache implements AssertionReplayCache {
    private final ReactiveValueCommands<String, String> values;
    private final String prefix;

    public RedisAssertionReplayCache(ReactiveRedisDataSource redis, ArborConfig config) {
        this.values = redis.value(String.class, String.class);
        this.prefix = config.redis().keyPrefix() + "client-assertion:";
    }

    @Override
    public Uni<Boolean> firstUse(String realm, String clientId, String jti, Instant rememberUntil) {
        String key = prefix + digest(realm + '\n' + clientId + '\n' + jti);
        return values.setAndChanged(key, "1", new SetArgs().nx().pxAt(rememberUntil));
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
