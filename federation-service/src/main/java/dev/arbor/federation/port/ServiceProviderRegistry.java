package dev.arbor.federation.port;

import dev.arbor.federation.domain.saml2.ServiceProvider;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;

/** The SAML service providers of each realm (realm YAML and the admin API write them). */
public interface ServiceProviderRegistry {

    Uni<Optional<ServiceProvider>> find(String realm, String entityId);

    Uni<List<ServiceProvider>> list(String realm);

    /** Creates or replaces the service provider (keyed by realm and entity ID). */
    Uni<Void> save(ServiceProvider serviceProvider);

    /** @return whether one was deleted */
    Uni<Boolean> delete(String realm, String entityId);

    /**
     * The service providers of a realm YAML, at start-up: each saved in turn. A registry that caches
     * announces the realm as changed afterwards, and does not fail the import when that announcement fails.
     */
    default Uni<Void> importRealm(String realm, List<ServiceProvider> serviceProviders) {
        Uni<Void> saved = Uni.createFrom().voidItem();
        for (ServiceProvider serviceProvider : serviceProviders) {
            saved = saved.chain(() -> save(serviceProvider));
        }
        return saved;
    }
}
