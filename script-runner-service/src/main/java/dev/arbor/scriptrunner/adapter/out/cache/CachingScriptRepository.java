package dev.arbor.scriptrunner.adapter.out.cache;

import static java.util.concurrent.CompletableFuture.completedFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.scriptrunner.domain.ImportResult;
import dev.arbor.scriptrunner.domain.ScriptVersion;
import dev.arbor.scriptrunner.port.ScriptRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A per-replica cache in front of a {@link ScriptRepository}, so that {@code ScriptRunner.Execute}
 * does not read PostgreSQL on every call (issue #8: the look-up dominated the gRPC latency).
 *
 * <p>Two caches, both bounded:
 * <ul>
 *   <li><b>Versions</b>, keyed by (realm, name, version), hold <em>published</em> versions only. A
 *       published version is immutable (see {@link dev.arbor.scriptrunner.domain.ImportDecision}:
 *       KEEP_PUBLISHED), so an entry is never stale and needs no invalidation; it leaves only when
 *       the size bound ({@code arbor.script-cache.max-versions}) evicts it. Drafts can be replaced
 *       in place, so they are never cached; nor is "not found", so a version published later is
 *       seen on the next call.</li>
 *   <li><b>Latest published</b>, keyed by (realm, name), holds only the <em>number</em> of the
 *       latest published version, for {@code arbor.script-cache.latest-ttl} (default 5 s) after it
 *       was read. The script itself then comes from the versions cache. This is the one place a
 *       replica can lag: a newly published version becomes "latest" on this replica at most one
 *       TTL after publication. We chose a short TTL over invalidation because replicas share no
 *       bus for script changes, and a tree that must switch at once can pin the version.</li>
 * </ul>
 * Import goes straight through; it can only add versions or replace drafts, neither of which
 * makes a cached published entry wrong.
 */
public final class CachingScriptRepository implements ScriptRepository {
    private record VersionKey(String realm, String name, int version) {
    }

    private record NameKey(String realm, String name) {
    }

    private final ScriptRepository delegate;
    private final Cache<VersionKey, ScriptVersion> versions;
    private final Cache<NameKey, Integer> latest;

    /**
     * @param ticker time source of the latest-published TTL ({@link Ticker#systemTicker()} in
     *               production, a hand-moved ticker in tests)
     */
    public CachingScriptRepository(ScriptRepository delegate, long maxVersions, Duration latestTtl, Ticker ticker) {
        this.delegate = delegate;
        this.versions = Caffeine.newBuilder()
                .maximumSize(maxVersions)
                .executor(Runnable::run) // eviction on the caller's thread: no pool needed, size exact after cleanUp
                .build();
        this.latest = Caffeine.newBuilder()
                .maximumSize(maxVersions)
                .expireAfterWrite(latestTtl)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public CompletionStage<Optional<ScriptVersion>> findLatestPublished(String realm, String name) {
        NameKey nameKey = new NameKey(realm, name);
        Integer number = latest.getIfPresent(nameKey);
        if (number != null) {
            ScriptVersion cached = versions.getIfPresent(new VersionKey(realm, name, number));
            if (cached != null) {
                return completedFuture(Optional.of(cached));
            }
        }
        return delegate.findLatestPublished(realm, name).thenApply(found -> {
            found.filter(ScriptVersion::isPublished).ifPresent(script -> {
                remember(script);
                latest.put(nameKey, script.version());
            });
            return found;
        });
    }

    @Override
    public CompletionStage<Optional<ScriptVersion>> find(String realm, String name, int version) {
        ScriptVersion cached = versions.getIfPresent(new VersionKey(realm, name, version));
        if (cached != null) {
            return completedFuture(Optional.of(cached));
        }
        return delegate.find(realm, name, version).thenApply(found -> {
            found.filter(ScriptVersion::isPublished).ifPresent(this::remember);
            return found;
        });
    }

    @Override
    public CompletionStage<List<ImportResult>> importAll(List<ScriptVersion> scripts) {
        return delegate.importAll(scripts);
    }

    /** Published versions held now (after pending evictions ran); never more than the bound. */
    public long cachedVersions() {
        versions.cleanUp();
        return versions.estimatedSize();
    }

    private void remember(ScriptVersion script) {
        versions.put(new VersionKey(script.realm(), script.name(), script.version()), script);
    }
}
