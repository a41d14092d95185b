package dev.arbor.adminauth;

/**
 * What {@link AdminTokenVerifier} decided about one {@code Authorization} header. Each case maps to
 * one HTTP answer (RFC 6750 §3.1): {@link Ok} lets the call through, {@link Unauthorized} is 401,
 * {@link Forbidden} is 403 {@code insufficient_scope}, {@link Unavailable} is 503 (the admin realm's
 * keys could not be had, so nothing can be said about the token). {@code reason} is for the
 * service's log and the problem detail; it never quotes the token.
 */
public sealed interface AdminAuthResult {
    /**
     * The token grants the admin API to {@code subject} (the {@code sub} claim). {@code tokenId} is its
     * {@code jti}, for a caller that also keeps a deny-set of revoked tokens (RFC 7009), as federation does.
     */
    record Ok(String subject, String tokenId) implements AdminAuthResult {
    }

    /**
     * No token, or not a valid admin-realm access token. {@code challenge} is the
     * {@code WWW-Authenticate} value: {@code Bearer} alone when no token was sent (RFC 6750 §3.1:
     * no error code then), {@code Bearer error="invalid_token"} otherwise.
     */
    record Unauthorized(String reason, String challenge) implements AdminAuthResult {
    }

    /** A valid token that does not grant the admin API; {@code challenge} names the scope. */
    record Forbidden(String reason, String challenge) implements AdminAuthResult {
    }

    /** The key set could not be obtained (token-service down and nothing cached). */
    record Unavailable(String reason) implements AdminAuthResult {
    }

    default boolean isOk() {
        return this instanceof Ok;
    }
}
