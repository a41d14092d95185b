package dev.arbor.federation.domain;

import dev.arbor.federation.support.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RevokedTokensTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T08:00:00Z"));

    @Test
    void revokedJtiIsDeniedUntilItsTokenExpiresThenForgotten() {
        // Given a token revoked five minutes before it expires
        RevokedTokens revoked = new RevokedTokens(clock, 10);
        revoked.revoke("j1", clock.instant().plus(Duration.ofMinutes(5)));

        // Then it is denied while it could still be presented
        assertTrue(revoked.isRevoked("j1"));
        assertFalse(revoked.isRevoked("j2"));

        // When it has expired, the entry is dropped (the expiry check refuses the token anyway)
        clock.advance(Duration.ofMinutes(5));
        assertFalse(revoked.isRevoked("j1"));
        assertEquals(0, revoked.size());
    }

    @Test
    void alreadyExpiredRevocationsAndBlankJtisAreNotStored() {
        RevokedTokens revoked = new RevokedTokens(clock, 10);

        revoked.revoke("old", clock.instant().minusSeconds(1));
        revoked.revoke("", clock.instant().plusSeconds(60));
        revoked.revoke(null, clock.instant().plusSeconds(60));

        assertEquals(0, revoked.size());
        assertFalse(revoked.isRevoked(null));
    }

    @Test
    void atCapacityTheEntryThatExpiresFirstIsDropped() {
        RevokedTokens revoked = new RevokedTokens(clock, 2);

        revoked.revoke("soon", clock.instant().plusSeconds(10));
        revoked.revoke("late", clock.instant().plusSeconds(300));
        revoked.revoke("middle", clock.instant().plusSeconds(100));

        assertEquals(2, revoked.size());
        assertFalse(revoked.isRevoked("soon"));
        assertTrue(revoked.isRevoked("late"));
        assertTrue(revoked.isRevoked("middle"));
    }

    @Test
    void aRepeatedEventIsIdempotent() {
        RevokedTokens revoked = new RevokedTokens(clock, 10);

        revoked.revoke("j", clock.instant().plusSeconds(60));
        revoked.revoke("j", clock.instant().plusSeconds(60));

        assertEquals(1, revoked.size());
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new RevokedTokens(clock, 0));
    }

}
