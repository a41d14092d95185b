package dev.arbor.federation.adapter.out.cache;

import dev.arbor.federation.adapter.out.postgres.PanacheClientRepository;
import dev.arbor.federation.domain.BrowserOrigins;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.RealmDefinition;
import dev.arbor.federation.domain.RegistrationPolicy;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.ClientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * {@link ClientRepository} answering the lookups of every token, introspection and revocation request
 * (and the CORS allow-list of those endpoints) from {@link ClientCache} instead of PostgreSQL. The admin listing reads the store. A realm import
 * evicts the realm here at once and announces {@code realm.changed} to the other replicas; a failed
 * announcement is logged, not fatal (the others' copies then expire after the cache TTL).
 */
@ApplicationScoped
public class CachingClientRepository implements ClientRepository {
    private static final Logger LOG = Logger.getLogger(CachingClientRepository.class);

    private final PanacheClientRepository store;
    private final ClientCache cache;
    private final ClientChangePublisher changes;

    public CachingClientRepository(PanacheClientRepository store, ClientCache cache, ClientChangePublisher changes) {
        this.store = store;
        this.cache = cache;
        this.changes = changes;
    }

    @Override
    public Uni<Boolean> realmExists(String realm) {
        return cache.realmExists(realm, () -> store.realmExists(realm));
    }

    @Override
    public Uni<Optional<Client>> findClient(String realm, String clientId) {
        return cache.client(realm, clientId, () -> store.findClient(realm, clientId));
    }

    @Override
    public Uni<List<Client>> listClients(String realm) {
        return store.listClients(realm);
    }

    @Override
    public Uni<RegistrationPolicy> registrationPolicy(String realm) {
        return cache.registrationPolicy(realm, () -> store.registrationPolicy(realm));
    }

    @Override
    public Uni<BrowserOrigins> browserOrigins(String realm) {
        return cache.browserOrigins(realm, () -> store.browserOrigins(realm));
    }

    @Override
    public Uni<Void> importRealm(RealmDefinition realm) {
        return store.importRealm(realm)
                .invoke(() -> cache.evictRealm(realm.name()))
                .chain(() -> changes.realmChanged(realm.name())
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("%s; other replicas keep their copies up to the client cache TTL",
                                    failure.getMessage());
                            return null;
                        }));
    }
}
