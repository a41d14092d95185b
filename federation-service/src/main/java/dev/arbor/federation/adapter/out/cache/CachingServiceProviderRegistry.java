package dev.arbor.federation.adapter.out.cache;

import dev.arbor.federation.adapter.out.postgres.PgServiceProviderRegistry;
import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.ServiceProviderRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link ServiceProviderRegistry} answering the lookups of every SAML request (SSO, SLO, artifact
 * resolution) from {@link ClientCache} instead of PostgreSQL, so an SP's metadata is parsed once per
 * replica, not once per request. The admin listing reads the store.
 *
 * <p>A write reaches every replica as a client write does ({@link PropagatingClientRegistry}): after the
 * store committed, this replica evicts its copy at once, then {@code saml_sp.changed} is published and
 * the write answers only once the broker acknowledged it; when it does not, the write fails with
 * {@link ClientChangePublisher.NotPropagated} (the change is stored; other replicas keep their copy up to
 * the cache TTL). A realm import announces {@code realm.changed} instead, and only logs a failed
 * announcement, as the client import does.
 */
@ApplicationScoped
public class CachingServiceProviderRegistry implements ServiceProviderRegistry {
    private static final Logger LOG = Logger.getLogger(CachingServiceProviderRegistry.class);

    private final PgServiceProviderRegistry store;
    private final ClientCache cache;
    private final ClientChangePublisher changes;

    public CachingServiceProviderRegistry(PgServiceProviderRegistry store, ClientCache cache,
                                          ClientChangePublisher changes) {
        this.store = store;
        this.cache = cache;
        this.changes = changes;
    }

    @Override
    public Uni<Optional<ServiceProvider>> find(String realm, String entityId) {
        return cache.serviceProvider(realm, entityId, () -> store.find(realm, entityId));
    }

    @Override
    public Uni<List<ServiceProvider>> list(String realm) {
        return store.list(realm);
    }

    /** A new SP also replaces the "no such SP" other replicas may hold for its entityID. */
    @Override
    public Uni<Void> save(ServiceProvider serviceProvider) {
        return store.save(serviceProvider).chain(() -> changed(serviceProvider.realm(), serviceProvider.entityId()));
    }

    @Override
    public Uni<Boolean> delete(String realm, String entityId) {
        return store.delete(realm, entityId).call(deleted -> deleted
                ? changed(realm, entityId)
                : Uni.createFrom().voidItem());
    }

    @Override
    public Uni<Void> importRealm(String realm, List<ServiceProvider> serviceProviders) {
        return store.importRealm(realm, serviceProviders)
                .invoke(() -> cache.evictRealm(realm))
                .chain(() -> changes.realmChanged(realm)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("%s; other replicas keep their copies up to the client cache TTL",
                                    failure.getMessage());
                            return null;
                        }));
    }

    private Uni<Void> changed(String realm, String entityId) {
        cache.evictServiceProvider(realm, entityId);
        return changes.serviceProviderChanged(realm, entityId);
    }
}
