package dev.arbor.sessionstore.adapter.out.redis;

import dev.arbor.sessionstore.config.SessionStoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Redis key layout of this service, all under {@code arbor.redis.key-prefix}:
 * {@code journey:<journey id>} (hash) and {@code sso:<base64url(SHA-256(session id))>} (JSON).
 * SSO keys carry a digest, never the id, so a Redis dump or {@code MONITOR} does not yield cookie
 * values; the ids are 256-bit random, so an unsalted digest cannot be reversed.
 */
@ApplicationScoped
public class RedisKeys {
    private final String prefix;

    public RedisKeys(SessionStoreConfig config) {
        this.prefix = config.redis().keyPrefix();
    }

    public String journey(String journeyId) {
        return prefix + "journey:" + journeyId;
    }

    public String ssoSession(String sessionId) {
        return prefix + "sso:" + sha256(sessionId);
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
