package dev.arbor.token.domain.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A key's state follows from its two timestamps and the clock alone: next, active, retired, gone. */
class KeyLifecycleTest {

    private static final KeyLifecycle LIFECYCLE =
            new KeyLifecycle(Duration.ofMinutes(7), Duration.ofMinutes(61), Duration.ofSeconds(30));
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant ACTIVATION = T0.plus(Duration.ofMinutes(7));

    private final StoredSigningKey old = key("old", T0.minus(Duration.ofDays(30)), ACTIVATION);
    private final StoredSigningKey next = key("next", ACTIVATION, null);

    @Test
    void stateFollowsTheTimestamps() {
        assertEquals(Optional.of(KeyState.NEXT), LIFECYCLE.stateOf(next, T0));
        assertEquals(Optional.of(KeyState.ACTIVE), LIFECYCLE.stateOf(old, T0));
        assertEquals(Optional.of(KeyState.ACTIVE), LIFECYCLE.stateOf(next, ACTIVATION));
        assertEquals(Optional.of(KeyState.RETIRED), LIFECYCLE.stateOf(old, ACTIVATION));
        assertEquals(Optional.of(KeyState.RETIRED), LIFECYCLE.stateOf(old, ACTIVATION.plus(Duration.ofMinutes(61)).minusMillis(1)));
        assertEquals(Optional.empty(), LIFECYCLE.stateOf(old, ACTIVATION.plus(Duration.ofMinutes(61))));
    }

    @Test
    void signingKeySwitchesExactlyAtTheActivation() {
        RealmKeySet set = new RealmKeySet("r", List.of(old, next), T0);

        assertEquals("old", set.signingKey(SigningAlgorithm.ES256, ACTIVATION.minusMillis(1)).orElseThrow().kid());
        assertEquals("next", set.signingKey(SigningAlgorithm.ES256, ACTIVATION).orElseThrow().kid());
        assertEquals(Optional.empty(), set.signingKey(SigningAlgorithm.RS256, ACTIVATION), "no key of that alg");
    }

    @Test
    void aReplicaWhoseClockLagsStillSignsWithTheRealmsFirstKey() {
        StoredSigningKey first = key("first", T0, null);

        assertEquals("first", new RealmKeySet("r", List.of(first), T0)
                .signingKey(SigningAlgorithm.ES256, T0.minusSeconds(2)).orElseThrow().kid());
    }

    @Test
    void reloadIntervalLongerThanPublishAheadIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new KeyLifecycle(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(2)));
    }

    private static StoredSigningKey key(String kid, Instant activatesAt, Instant retiredAt) {
        return new StoredSigningKey(kid, "r", SigningAlgorithm.ES256, "{\"kid\":\"" + kid + "\"}", "sealed",
                activatesAt, retiredAt);
    }
}
