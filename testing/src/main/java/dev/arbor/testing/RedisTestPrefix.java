package dev.arbor.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run a Redis key prefix of its own on the machine's Redis (127.0.0.1:6379), so
 * runs start from clean data without flushing a server that others may share. Every service reads
 * its prefix from {@code arbor.redis.key-prefix}.
 */
public class RedisTestPrefix implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:6379",
                "arbor.redis.key-prefix", "arbor-test-" + UUID.randomUUID() + ":");
    }

    @Override
    public void stop() {
    }
}
