package dev.arbor.authtree.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Failed-attempt counters and locks per identity (realm + username), shared by every replica. */
public interface LockoutStore {
    /** When the lock on this identity ends, if one was set (it may already be over). */
    Optional<Instant> lockedUntil(String realm, String username);

    /** Counts one failure; the counter forgets itself {@code window} after the last failure. Returns the count. */
    long recordFailure(String realm, String username, Duration window);

    /** Locks the identity until {@code until} and clears its failure counter. */
    void lock(String realm, String username, Instant until);

    /** Clears the failure counter and any lock that has ended (a successful login). */
    void reset(String realm, String username);
}
