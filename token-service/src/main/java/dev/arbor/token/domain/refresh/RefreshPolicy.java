package dev.arbor.token.domain.refresh;

/**
 * The refresh part of a client's token policy, as federation sends it with each request.
 *
 * @param issue                   whether a refresh token is issued with the access token (RFC 6749 §1.5)
 * @param idleLifetimeSeconds     0 or less: the configured default
 * @param absoluteLifetimeSeconds 0 or less: the configured default
 */
public record RefreshPolicy(boolean issue, long idleLifetimeSeconds, long absoluteLifetimeSeconds) {

    /** No refresh token: what a request without a policy gets. */
    public static final RefreshPolicy NONE = new RefreshPolicy(false, 0, 0);
}
