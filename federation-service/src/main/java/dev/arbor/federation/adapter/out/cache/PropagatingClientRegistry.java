package dev.arbor.federation.adapter.out.cache;

import dev.arbor.federation.adapter.out.postgres.PanacheClientRegistry;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.ClientRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link ClientRegistry} whose writes reach every replica's {@link ClientCache}: after the store
 * committed, this replica evicts its copy at once, then {@code client.changed} is published and the
 * write answers only once the broker acknowledged it. So when a rotation answers, the old secret is
 * refused here already and on every other replica within the event's propagation delay. When the
 * broker does not acknowledge, the write fails with {@link ClientChangePublisher.NotPropagated}.
 */
@ApplicationScoped
public class PropagatingClientRegistry implements ClientRegistry {
    private final PanacheClientRegistry store;
    private final ClientCache cache;
    private final ClientChangePublisher changes;

    public PropagatingClientRegistry(PanacheClientRegistry store, ClientCache cache, ClientChangePublisher changes) {
        this.store = store;
        this.cache = cache;
        this.changes = changes;
    }

    /** A new client replaces the "no such client" other replicas may hold for its id. */
    @Override
    public Uni<Boolean> create(Client client) {
        return store.create(client).call(created -> created
                ? changed(client.realm(), client.clientId())
                : Uni.createFrom().voidItem());
    }

    @Override
    public Uni<SecretRotation> replaceSecret(String realm, String clientId, String secretHash) {
        return store.replaceSecret(realm, clientId, secretHash).call(outcome -> outcome == SecretRotation.ROTATED
                ? changed(realm, clientId)
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> changed(String realm, String clientId) {
        cache.evictClient(realm, clientId);
        return changes.clientChanged(realm, clientId);
    }
}
