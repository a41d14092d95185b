package dev.arbor.federation.domain;

import dev.arbor.federation.support.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionDirectoryTest {
    /** A clock the test moves by hand. */

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void endedSessionIsRememberedUntilRetentionPasses() {
        SessionDirectory directory = new SessionDirectory(clock, Duration.ofMinutes(10), 10);
        directory.ended("s1");

        assertTrue(directory.hasEnded("s1"));
        clock.advance(Duration.ofMinutes(10));
        assertFalse(directory.hasEnded("s1"));
        assertEquals(0, directory.size());
    }

    @Test
    void atCapacityTheOldestIsForgottenFirst() {
        SessionDirectory directory = new SessionDirectory(clock, Duration.ofHours(1), 2);
        directory.ended("s1");
        directory.ended("s2");
        directory.ended("s3");

        assertFalse(directory.hasEnded("s1"));
        assertTrue(directory.hasEnded("s2"));
        assertTrue(directory.hasEnded("s3"));
    }

    @Test
    void duplicateEventsAreHarmlessAndUnknownOrEmptyIdsAreNotEnded() {
        SessionDirectory directory = new SessionDirectory(clock, Duration.ofHours(1), 5);
        directory.ended("s1");
        directory.ended("s1");
        directory.ended(null);

        assertEquals(1, directory.size());
        assertFalse(directory.hasEnded("other"));
        assertFalse(directory.hasEnded(null));
        assertFalse(directory.hasEnded(""));
    }
}
