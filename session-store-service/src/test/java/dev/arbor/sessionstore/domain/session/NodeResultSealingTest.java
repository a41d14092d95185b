package dev.arbor.sessionstore.domain.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.sessionstore.domain.InvalidRequestException;
import dev.arbor.sessionstore.port.ForgetBeforeMarkers;
import dev.arbor.sessionstore.port.NodeResultCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The sealing rules with a fixed clock: lifetime cap, expiry, realm and the forget-before second. */
class NodeResultSealingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    /** Keeps what it sealed in memory; the value is an index, so only what it sealed opens. */
    private static final class MemoryCipher implements NodeResultCipher {
        private final Map<String, Sealed> sealed = new HashMap<>();

        @Override
        public String seal(String realm, NodeResult result) {
            String value = "v" + sealed.size();
            sealed.put(value, new Sealed(realm, result));
            return value;
        }

        @Override
        public Optional<Sealed> open(String value) {
            return Optional.ofNullable(sealed.get(value));
        }
    }

    private static final class MemoryMarkers implements ForgetBeforeMarkers {
        private final Map<String, Instant> markers = new HashMap<>();

        @Override
        public CompletionStage<Void> set(String realm, String subject, Instant at, Duration ttl) {
            markers.put(realm + "/" + subject, at);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Optional<Instant>> find(String realm, String subject) {
            return CompletableFuture.completedFuture(Optional.ofNullable(markers.get(realm + "/" + subject)));
        }
    }

    private final MemoryCipher cipher = new MemoryCipher();
    private final MemoryMarkers markers = new MemoryMarkers();

    private NodeResultSealing at(Instant now) {
        return new NodeResultSealing(cipher, markers, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static NodeResult result(Instant rememberedAt, Duration ttl) {
        return new NodeResult("login", "otp", "true", Map.of(), "alice", rememberedAt, rememberedAt.plus(ttl));
    }

    private Optional<NodeResult> unseal(Instant now, String realm, String sealed) {
        return at(now).unseal(realm, sealed).toCompletableFuture().join();
    }

    @Test
    void sealedLifetimeIsCappedAtTheMaximumCountedFromNow() {
        String sealed = at(NOW).seal("demo", result(NOW, Duration.ofDays(365)));

        assertEquals(NOW.plus(Duration.ofDays(30)), unseal(NOW, "demo", sealed).orElseThrow().expiresAt());
    }

    @Test
    void resultOpensUntilItExpiresAndOnlyInItsRealm() {
        String sealed = at(NOW).seal("demo", result(NOW, Duration.ofHours(1)));

        assertTrue(unseal(NOW.plusSeconds(3599), "demo", sealed).isPresent());
        assertTrue(unseal(NOW.plusSeconds(3600), "demo", sealed).isEmpty());
        assertTrue(unseal(NOW, "other", sealed).isEmpty());
    }

    @Test
    void theSecondOfTheLogoutCountsAsForgottenAndLaterResultsStay() {
        String before = at(NOW).seal("demo", result(NOW.minusSeconds(1), Duration.ofHours(1)));
        String sameSecond = at(NOW).seal("demo", result(NOW, Duration.ofHours(1)));
        String after = at(NOW).seal("demo", result(NOW.plusSeconds(1), Duration.ofHours(1)));

        markers.set("demo", "alice", NOW, Duration.ofDays(30));

        assertTrue(unseal(NOW.plusSeconds(2), "demo", before).isEmpty());
        assertTrue(unseal(NOW.plusSeconds(2), "demo", sameSecond).isEmpty());
        assertTrue(unseal(NOW.plusSeconds(2), "demo", after).isPresent());
    }

    @Test
    void expiredResultCannotBeSealedAndOversizedValuesAreRefused() {
        assertThrows(InvalidRequestException.class,
                () -> at(NOW).seal("demo", result(NOW.minusSeconds(7200), Duration.ofHours(1))));
        assertThrows(InvalidRequestException.class, () -> at(NOW).seal(" ", result(NOW, Duration.ofHours(1))));
        assertThrows(InvalidRequestException.class, () -> at(NOW).unseal("demo", "x".repeat(8 * 1024 + 1)));
        assertTrue(unseal(NOW, "demo", "x".repeat(8 * 1024)).isEmpty());
    }
}
