package dev.arbor.federation.port;

import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * RFC 7591 §3 initial access tokens of each realm, kept as keyed hashes. A token is good for
 * {@code maxUses} registrations until it expires.
 */
public interface InitialAccessTokens {
    Uni<Void> issue(String realm, String tokenHash, Instant expiresAt, int maxUses);

    /**
     * Counts one use of the token, atomically: true when it belongs to the realm, had not expired at
     * {@code now} and had a use left; false otherwise (and nothing is counted).
     */
    Uni<Boolean> consume(String realm, String tokenHash, Instant now);
}
