package dev.arbor.federation.adapter.out.memory;

import dev.arbor.federation.domain.saml2.ServiceProvider;
import dev.arbor.federation.port.ServiceProviderRegistry;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PLACEHOLDER, replaced by the PostgreSQL registry (work in progress on the SP-registry branch): a
 * {@code @DefaultBean}, so any other implementation wins without a change here. Holds nothing across
 * restarts or replicas; it exists only so the SAML SSO endpoint can start before that lands.
 */
@DefaultBean
@ApplicationScoped
public class InMemoryServiceProviderRegistry implements ServiceProviderRegistry {
    private final Map<String, ServiceProvider> providers = new ConcurrentHashMap<>();

    @Override
    public Uni<Optional<ServiceProvider>> find(String realm, String entityId) {
        return Uni.createFrom().item(Optional.ofNullable(providers.get(realm + "\n" + entityId)));
    }

    @Override
    public Uni<List<ServiceProvider>> list(String realm) {
        return Uni.createFrom().item(providers.values().stream().filter(p -> p.realm().equals(realm)).toList());
    }

    @Override
    public Uni<Void> save(ServiceProvider serviceProvider) {
        providers.put(serviceProvider.realm() + "\n" + serviceProvider.entityId(), serviceProvider);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Boolean> delete(String realm, String entityId) {
        return Uni.createFrom().item(providers.remove(realm + "\n" + entityId) != null);
    }
}
