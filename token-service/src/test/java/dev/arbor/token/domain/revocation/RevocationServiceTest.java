package dev.arbor.token.domain.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbor.token.port.RevocationPublisher;
import dev.arbor.token.port.RevocationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The ordering and bounds of a revocation, with in-memory ports (the Redis and Kafka adapters have their own tests). */
class RevocationServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private final Map<String, Duration> stored = new LinkedHashMap<>();
    private final List<Revocation> saved = new ArrayList<>();
    private final List<String> published = new ArrayList<>();
    private final RevocationStore store = new RevocationStore() {
        @Override
        public CompletionStage<Void> save(Revocation revocation, Duration ttl) {
            stored.put(revocation.jti(), ttl);
            saved.add(revocation);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<List<Revocation>> list() {
            return CompletableFuture.completedFuture(List.copyOf(saved));
        }
    };
    private final RevocationPublisher publisher = (revocation, occurredAt) -> {
        assertTrue(stored.containsKey(revocation.jti()), "stored before it is published");
        published.add(revocation.jti());
        return CompletableFuture.completedFuture(null);
    };
    private final RevocationService service = new RevocationService(store, publisher, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void revocationIsStoredForTheTokensRemainingLifetimeThenPublished() {
        boolean revoked = service.revoke(new Revocation("demo", "j1", "c", NOW.plusSeconds(120)))
                .toCompletableFuture().join();

        assertTrue(revoked);
        assertEquals(Duration.ofSeconds(120), stored.get("j1"));
        assertEquals(List.of("j1"), published);
    }

    @Test
    void anExpiredTokenIsNeitherStoredNorPublished() {
        boolean revoked = service.revoke(new Revocation("demo", "j1", "c", NOW)).toCompletableFuture().join();

        assertFalse(revoked);
        assertTrue(stored.isEmpty());
        assertTrue(published.isEmpty());
    }

    @Test
    void aFarExpiryIsRememberedOneDayAtMost() {
        service.revoke(new Revocation("demo", "j1", "c", NOW.plus(Duration.ofDays(30)))).toCompletableFuture().join();

        assertEquals(RevocationService.MAX_REMEMBERED, stored.get("j1"));
    }

    @Test
    void revokeAllRevokesEveryTokenOfAReplayedCode() {
        service.revokeAll("demo", "c", List.of(new AccessTokenId("a", NOW.plusSeconds(60)),
                new AccessTokenId("b", NOW.plusSeconds(60)))).toCompletableFuture().join();

        assertEquals(List.of("a", "b"), published);
    }

    @Test
    void currentListsOnlyTheAskedRealmsRevocationsInForce() {
        saved.add(new Revocation("demo", "live", "c", NOW.plusSeconds(60)));
        saved.add(new Revocation("demo", "dead", "c", NOW.minusSeconds(1)));
        saved.add(new Revocation("admin", "other", "c", NOW.plusSeconds(60)));

        assertEquals(List.of("live"), service.current("demo").toCompletableFuture().join().stream()
                .map(Revocation::jti).toList());
        assertEquals(2, service.current("").toCompletableFuture().join().size());
    }
}
