package dev.arbor.scriptrunner.adapter.out.cache;

import static java.util.concurrent.CompletableFuture.completedFuture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.scriptrunner.domain.ImportResult;
import dev.arbor.scriptrunner.domain.ScriptStatus;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.port.ScriptRepository;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache rules of {@link CachingScriptRepository}, counting the reads that reach the store. */
class CachingScriptRepositoryTest {
    private static final Duration LATEST_TTL = Duration.ofSeconds(5);

    private final CountingStore store = new CountingStore();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final CachingScriptRepository cache = new CachingScriptRepository(store, 100, LATEST_TTL, ticker);

    @Test
    void pinnedPublishedVersionIsServedFromCacheWithoutAStoreRead() {
        store.put(script(1, ScriptStatus.PUBLISHED, "a();"));
        assertEquals("a();", find(1).orElseThrow().source());

        store.remove(1); // gone from the store: only the cache can still answer
        Optional<ScriptVersion> again = find(1);

        assertEquals("a();", again.orElseThrow().source());
        assertEquals(1, store.reads.get());
    }

    @Test
    void draftIsNeverCachedSoAReplacedDraftIsSeenAtOnce() {
        store.put(script(2, ScriptStatus.DRAFT, "draft();"));
        find(2);
        store.put(script(2, ScriptStatus.DRAFT, "replaced();"));

        assertEquals("replaced();", find(2).orElseThrow().source());
        assertEquals(2, store.reads.get());
        assertEquals(0, cache.cachedVersions());
    }

    @Test
    void missingVersionIsNotCachedSoALaterPublishedVersionIsFound() {
        assertTrue(find(3).isEmpty());
        store.put(script(3, ScriptStatus.PUBLISHED, "later();"));

        assertEquals("later();", find(3).orElseThrow().source());
    }

    @Test
    void latestPublishedIsResolvedOncePerTtlThenANewPublishedVersionBecomesLatest() {
        store.put(script(1, ScriptStatus.PUBLISHED, "v1();"));
        assertEquals(1, latest().orElseThrow().version());
        store.put(script(2, ScriptStatus.PUBLISHED, "v2();"));

        nanos.addAndGet(LATEST_TTL.toNanos() - 1);
        int withinTtl = latest().orElseThrow().version();
        int readsWithinTtl = store.reads.get();
        nanos.addAndGet(1);
        int afterTtl = latest().orElseThrow().version();

        assertEquals(1, withinTtl);
        assertEquals(1, readsWithinTtl);
        assertEquals(2, afterTtl);
        assertEquals(2, find(2).orElseThrow().version());
        assertEquals(2, store.reads.get()); // v2 came into the version cache with the latest read
    }

    @Test
    void pinnedNewVersionIsVisibleAtOnceWhileLatestStillNamesTheOldOne() {
        store.put(script(1, ScriptStatus.PUBLISHED, "v1();"));
        latest();
        store.put(script(2, ScriptStatus.PUBLISHED, "v2();"));

        assertEquals("v2();", find(2).orElseThrow().source());
        assertEquals(1, latest().orElseThrow().version());
    }

    @Test
    void noPublishedVersionIsNotCachedAsLatest() {
        store.put(script(1, ScriptStatus.DRAFT, "draft();"));
        assertTrue(latest().isEmpty());
        store.put(script(1, ScriptStatus.PUBLISHED, "now();"));

        assertEquals("now();", latest().orElseThrow().source());
    }

    @Test
    void cacheHoldsNoMoreVersionsThanItsBound() {
        CachingScriptRepository small = new CachingScriptRepository(store, 2, LATEST_TTL, ticker);
        for (int version = 1; version <= 5; version++) {
            store.put(script(version, ScriptStatus.PUBLISHED, "v" + version + "();"));
            small.find("acme", "geo", version).toCompletableFuture().join();
        }

        assertEquals(2, small.cachedVersions());
        for (int version = 1; version <= 5; version++) {
            assertEquals("v" + version + "();",
                    small.find("acme", "geo", version).toCompletableFuture().join().orElseThrow().source());
        }
    }

    @Test
    void sameNameInAnotherRealmIsAnotherEntry() {
        store.put(script(1, ScriptStatus.PUBLISHED, "acme();"));
        find(1);

        assertTrue(cache.find("other", "geo", 1).toCompletableFuture().join().isEmpty());
    }

    private Optional<ScriptVersion> find(int version) {
        return cache.find("acme", "geo", version).toCompletableFuture().join();
    }

    private Optional<ScriptVersion> latest() {
        return cache.findLatestPublished("acme", "geo").toCompletableFuture().join();
    }

    private static ScriptVersion script(int version, ScriptStatus status, String source) {
        return new ScriptVersion("acme", "geo", version, status, source, List.of("inside", "outside"));
    }

    /** An in-memory store of realm "acme", script "geo", that counts the reads reaching it. */
    private static final class CountingStore implements ScriptRepository {
        private final Map<Integer, ScriptVersion> versions = new ConcurrentHashMap<>();
        private final AtomicInteger reads = new AtomicInteger();

        void put(ScriptVersion script) {
            versions.put(script.version(), script);
        }

        void remove(int version) {
            versions.remove(version);
        }

        @Override
        public CompletionStage<Optional<ScriptVersion>> findLatestPublished(String realm, String name) {
            reads.incrementAndGet();
            return completedFuture(versions.values().stream()
                    .filter(s -> s.realm().equals(realm) && s.name().equals(name) && s.isPublished())
                    .max(Comparator.comparingInt(ScriptVersion::version)));
        }

        @Override
        public CompletionStage<Optional<ScriptVersion>> find(String realm, String name, int version) {
            reads.incrementAndGet();
            return completedFuture(Optional.ofNullable(versions.get(version))
                    .filter(s -> s.realm().equals(realm) && s.name().equals(name)));
        }

        @Override
        public CompletionStage<List<ImportResult>> importAll(List<ScriptVersion> scripts) {
            throw new UnsupportedOperationException("not read by the cache");
        }
    }
}
