package dev.arbor.federation.adapter.out.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientType;
import dev.arbor.federation.support.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClientCacheTest {
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final ClientCache cache = new ClientCache(TTL, NEGATIVE_TTL, 100, ticker, metrics);

    /** The store: what it holds and how often it was read. */
    private final Map<String, Client> stored = new HashMap<>();
    private final Map<String, Integer> reads = new HashMap<>();

    private static Client client(String realm, String clientId) {
        return new Client(realm, clientId, clientId, ClientType.PUBLIC, Optional.empty(),
                List.of("https://rp.example/cb"), List.of("authorization_code"), List.of("openid"));
    }

    private Optional<Client> find(String realm, String clientId) {
        return cache.client(realm, clientId, () -> {
            reads.merge(realm + "/" + clientId, 1, Integer::sum);
            return Uni.createFrom().item(Optional.ofNullable(stored.get(realm + "/" + clientId)));
        }).await().indefinitely();
    }

    private int readsOf(String realm, String clientId) {
        return reads.getOrDefault(realm + "/" + clientId, 0);
    }

    private double lookups(String result) {
        return metrics.counter(ClientCache.METRIC, "cache", "client", "result", result).count();
    }

    @Test
    void secondLookupOfAClientIsAHitThatDoesNotReadTheStore() {
        stored.put("demo/rp", client("demo", "rp"));

        find("demo", "rp");
        stored.remove("demo/rp");

        assertTrue(find("demo", "rp").isPresent());
        assertEquals(1, readsOf("demo", "rp"));
        assertEquals(1.0, lookups("miss"));
        assertEquals(1.0, lookups("hit"));
    }

    @Test
    void knownClientIsReadAgainOnlyAfterTheSafetyTtl() {
        stored.put("demo/rp", client("demo", "rp"));
        find("demo", "rp");

        clock.advance(TTL.minusSeconds(1));
        find("demo", "rp");
        assertEquals(1, readsOf("demo", "rp"));

        clock.advance(Duration.ofSeconds(1));
        find("demo", "rp");
        assertEquals(2, readsOf("demo", "rp"));
    }

    @Test
    void unknownClientIsRememberedOnlyForTheShortNegativeTtl() {
        assertTrue(find("demo", "ghost").isEmpty());
        assertTrue(find("demo", "ghost").isEmpty());
        assertEquals(1, readsOf("demo", "ghost"));

        stored.put("demo/ghost", client("demo", "ghost"));
        clock.advance(NEGATIVE_TTL);

        assertTrue(find("demo", "ghost").isPresent());
        assertEquals(2, readsOf("demo", "ghost"));
    }

    @Test
    void evictedClientIsReadFromTheStoreAgainAndOthersStayCached() {
        stored.put("demo/rp", client("demo", "rp"));
        stored.put("demo/other", client("demo", "other"));
        find("demo", "rp");
        find("demo", "other");
        stored.remove("demo/rp");

        cache.evictClient("demo", "rp");

        assertTrue(find("demo", "rp").isEmpty());
        assertTrue(find("demo", "other").isPresent());
        assertEquals(2, readsOf("demo", "rp"));
        assertEquals(1, readsOf("demo", "other"));
    }

    @Test
    void evictedRealmDropsItsExistenceAndEveryOneOfItsClientsButNoOtherRealms() {
        stored.put("demo/rp", client("demo", "rp"));
        stored.put("other/rp", client("other", "rp"));
        int[] realmReads = {0};
        cache.realmExists("demo", () -> Uni.createFrom().item(++realmReads[0] > 0)).await().indefinitely();
        find("demo", "rp");
        find("demo", "ghost");
        find("other", "rp");

        cache.evictRealm("demo");

        assertFalse(cache.holds("demo", "rp"));
        assertFalse(cache.holds("demo", "ghost"));
        assertTrue(cache.holds("other", "rp"));
        cache.realmExists("demo", () -> Uni.createFrom().item(++realmReads[0] > 0)).await().indefinitely();
        assertEquals(2, realmReads[0]);
    }

    @Test
    void unknownRealmIsRememberedOnlyForTheNegativeTtl() {
        int[] realmReads = {0};
        for (int i = 0; i < 3; i++) {
            assertFalse(cache.realmExists("nowhere", () -> Uni.createFrom().item(++realmReads[0] < 0)).await().indefinitely());
        }
        clock.advance(NEGATIVE_TTL);
        cache.realmExists("nowhere", () -> Uni.createFrom().item(++realmReads[0] < 0)).await().indefinitely();

        assertEquals(2, realmReads[0]);
        assertEquals(2.0, metrics.counter(ClientCache.METRIC, "cache", "realm", "result", "hit").count());
    }

    @Test
    void concurrentMissesOfOneClientShareOneRead() {
        CompletableFuture<Optional<Client>> pending = new CompletableFuture<>();
        int[] loads = {0};
        var first = cache.client("demo", "rp", () -> {
            loads[0]++;
            return Uni.createFrom().completionStage(pending);
        }).subscribeAsCompletionStage();
        var second = cache.client("demo", "rp", () -> {
            loads[0]++;
            return Uni.createFrom().completionStage(pending);
        }).subscribeAsCompletionStage();

        pending.complete(Optional.of(client("demo", "rp")));

        assertEquals(1, loads[0]);
        assertEquals(first.join(), second.join());
    }

    @Test
    void aReadInFlightWhenTheClientChangesIsNotKeptAfterTheEviction() {
        CompletableFuture<Optional<Client>> oldRead = new CompletableFuture<>();
        cache.client("demo", "rp", () -> Uni.createFrom().completionStage(oldRead)).subscribeAsCompletionStage();

        cache.evictClient("demo", "rp");
        oldRead.complete(Optional.of(client("demo", "rp")));

        assertFalse(cache.holds("demo", "rp"));
        assertTrue(find("demo", "rp").isEmpty(), "the store (now without the client) is read again");
    }

    @Test
    void aFailedReadIsNotCachedAndFailsOnlyThatLookup() {
        var failed = cache.client("demo", "rp", () -> Uni.createFrom().failure(new IllegalStateException("db down")));
        assertThrows(IllegalStateException.class, () -> failed.await().indefinitely());

        stored.put("demo/rp", client("demo", "rp"));
        assertTrue(find("demo", "rp").isPresent());
    }

    @Test
    void manyRandomClientIdsStayWithinTheMaximumSize() {
        ClientCache small = new ClientCache(TTL, NEGATIVE_TTL, 10, ticker, metrics);
        for (int i = 0; i < 1000; i++) {
            small.client("demo", "random-" + i, () -> Uni.createFrom().item(Optional.empty())).await().indefinitely();
        }

        assertTrue(small.size() <= 10, "held: " + small.size());
    }
}
