package dev.arbor.authtree.domain.memory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Names of the per-node memory cookies (store {@code cookie}): one cookie per node,
 * {@code arbor_nr_} + the first 16 characters of base64url(SHA-256(realm/tree/nodeId)), so the name says
 * nothing about the tree and no two nodes share a cookie. The REST layer adds the {@code __Host-} prefix
 * on https.
 */
public final class NodeCookies {
    public static final String PREFIX = "arbor_nr_";

    private NodeCookies() {
    }

    public static String name(String realm, String tree, String nodeId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((realm + "/" + tree + "/" + nodeId).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A cookie the success response sets: a sealed result, living as long as the result. */
    public record NodeCookie(String name, String value, Duration maxAge) {
    }
}
