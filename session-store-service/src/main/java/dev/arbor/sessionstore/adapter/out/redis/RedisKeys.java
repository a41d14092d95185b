package dev.arbor.sessionstore.adapter.out.redis;

import dev.arbor.sessionstore.config.SessionStoreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The Redis key layout of this service, all under {@code arbor.redis.key-prefix}:
 * {@code journey:<journey id>} (hash), {@code sso:<base64url(SHA-256(session id))>} (JSON),
 * {@code subject-sessions:<b64url realm>:<b64url subject>} (set of session digests, the ListSessions index)
 * and {@code forget-before:<b64url realm>:<b64url subject>} (epoch seconds, set by logout).
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
        return ssoSessionByDigest(sessionDigest(sessionId));
    }

    /** The digest that stands for a session id in keys and in the subject index. */
    public String sessionDigest(String sessionId) {
        return sha256(sessionId);
    }

    public String ssoSessionByDigest(String digest) {
        return prefix + "sso:" + digest;
    }

    public String subjectSessions(String realm, String subject) {
        return prefix + "subject-sessions:" + b64(realm) + ":" + b64(subject);
    }

    public String forgetBefore(String realm, String subject) {
        return prefix + "forget-before:" + b64(realm) + ":" + b64(subject);
    }

    private static String b64(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
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
