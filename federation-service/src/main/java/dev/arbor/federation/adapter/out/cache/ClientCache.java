package dev.arbor.federation.adapter.out.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.BrowserOrigins;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.RegistrationPolicy;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * This replica's copy of the clients, SAML service providers and realms it was asked about, including
 * "no such client" (shorter-lived, so a flood of random ids expires quickly; the size bound and
 * Caffeine's frequency based admission keep such a flood from pushing out the clients in use). An entry lives until it is
 * evicted by a change ({@code arbor.config.v1}) or, as a safety net, until its TTL passes.
 *
 * <p>Concurrent misses of one key share one load. Evicting a key also drops a load still in flight,
 * so a read that started before a change cannot put the old value back after the change's eviction.
 */
@ApplicationScoped
public class ClientCache {
    static final String METRIC = "arbor.federation.client.cache.lookups";

    private final AsyncCache<ClientKey, Optional<Client>> clients;
    private final AsyncCache<ClientKey, Optional<ServiceProvider>> serviceProviders;
    private final AsyncCache<String, Boolean> realms;
    private final AsyncCache<String, RegistrationPolicy> registrationPolicies;
    private final AsyncCache<String, BrowserOrigins> origins;
    private final MeterRegistry metrics;

    @Inject
    public ClientCache(ArborConfig config, MeterRegistry metrics) {
        this(config.federation().clientCacheTtl(), config.federation().clientCacheNegativeTtl(),
                config.federation().clientCacheMaxSize(), Ticker.systemTicker(), metrics);
    }

    public ClientCache(Duration ttl, Duration negativeTtl, long maxSize, Ticker ticker, MeterRegistry metrics) {
        this.clients = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker).executor(Runnable::run)
                .expireAfter(Expiry.<ClientKey, Optional<Client>>creating((k, v) -> v.isPresent() ? ttl : negativeTtl))
                .buildAsync();
        this.serviceProviders = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker).executor(Runnable::run)
                .expireAfter(Expiry.<ClientKey, Optional<ServiceProvider>>creating((k, v) -> v.isPresent() ? ttl : negativeTtl))
                .buildAsync();
        this.realms = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker).executor(Runnable::run)
                .expireAfter(Expiry.<String, Boolean>creating((k, exists) -> exists ? ttl : negativeTtl))
                .buildAsync();
        this.registrationPolicies = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker).executor(Runnable::run)
                .expireAfterWrite(ttl).buildAsync();
        this.origins = Caffeine.newBuilder().maximumSize(maxSize).ticker(ticker).executor(Runnable::run)
                .expireAfterWrite(ttl).buildAsync();
        this.metrics = metrics;
        metrics.gauge("arbor.federation.client.cache.size", this, ClientCache::size);
    }

    public Uni<Optional<Client>> client(String realm, String clientId, Supplier<Uni<Optional<Client>>> load) {
        return lookup(clients, new ClientKey(realm, clientId), load, "client");
    }

    /** A SAML SP by entityID, parsed from its metadata once per replica rather than on every request. */
    public Uni<Optional<ServiceProvider>> serviceProvider(String realm, String entityId,
                                                          Supplier<Uni<Optional<ServiceProvider>>> load) {
        return lookup(serviceProviders, new ClientKey(realm, entityId), load, "saml-sp");
    }

    public Uni<Boolean> realmExists(String realm, Supplier<Uni<Boolean>> load) {
        return lookup(realms, realm, load, "realm");
    }

    /** A realm's registration policy: read by discovery, so kept in memory like the realm itself. */
    public Uni<RegistrationPolicy> registrationPolicy(String realm, Supplier<Uni<RegistrationPolicy>> load) {
        return lookup(registrationPolicies, realm, load, "registration-policy");
    }

    /** The realm's CORS allow-list ({@link BrowserOrigins}); a change of any client of the realm drops it. */
    public Uni<BrowserOrigins> browserOrigins(String realm, Supplier<Uni<BrowserOrigins>> load) {
        return lookup(origins, realm, load, "origins");
    }

    public void evictClient(String realm, String clientId) {
        clients.asMap().remove(new ClientKey(realm, clientId));
        origins.asMap().remove(realm);
    }

    public void evictServiceProvider(String realm, String entityId) {
        serviceProviders.asMap().remove(new ClientKey(realm, entityId));
    }

    /** Drops the realm and every client and SP of it (a re-import may change a default its clients inherit). */
    public void evictRealm(String realm) {
        serviceProviders.asMap().keySet().removeIf(key -> key.realm().equals(realm));
        realms.asMap().remove(realm);
        registrationPolicies.asMap().remove(realm);
        origins.asMap().remove(realm);
        clients.asMap().keySet().removeIf(key -> key.realm().equals(realm));
    }

    /** Whether the client is held (known or unknown) and no load of it is in flight. */
    public boolean holds(String realm, String clientId) {
        CompletableFuture<Optional<Client>> entry = clients.getIfPresent(new ClientKey(realm, clientId));
        return entry != null && entry.isDone();
    }

    /** Whether the SP is held (known or unknown) and no load of it is in flight. */
    public boolean holdsServiceProvider(String realm, String entityId) {
        CompletableFuture<Optional<ServiceProvider>> entry = serviceProviders.getIfPresent(new ClientKey(realm, entityId));
        return entry != null && entry.isDone();
    }

    /** How many clients (known or unknown) are held now. */
    public long size() {
        clients.synchronous().cleanUp();
        return clients.synchronous().estimatedSize();
    }

    private <K, V> Uni<V> lookup(AsyncCache<K, V> cache, K key, Supplier<Uni<V>> load, String kind) {
        return Uni.createFrom().deferred(() -> {
            boolean[] missed = {false};
            CompletableFuture<V> entry = cache.get(key, (k, executor) -> {
                missed[0] = true;
                return load.get().subscribeAsCompletionStage();
            });
            metrics.counter(METRIC, "cache", kind, "result", missed[0] ? "miss" : "hit").increment();
            if (entry.isDone() && !entry.isCompletedExceptionally()) {
                return Uni.createFrom().item(entry.join());
            }
            return onCallersContext(Uni.createFrom().completionStage(entry));
        });
    }

    /**
     * A load shared with another request completes on that request's Vert.x context; continue on ours,
     * so the rest of this request (Hibernate Reactive sessions are bound to a context) stays on it.
     */
    private static <V> Uni<V> onCallersContext(Uni<V> pending) {
        Context caller = Vertx.currentContext();
        return caller == null ? pending : pending.emitOn(task -> caller.runOnContext(v -> task.run()));
    }

    record ClientKey(String realm, String clientId) {
    }
}
