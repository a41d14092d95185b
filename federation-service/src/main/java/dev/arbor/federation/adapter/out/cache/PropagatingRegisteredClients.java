package dev.arbor.federation.adapter.out.cache;

import dev.arbor.federation.adapter.out.postgres.PanacheRegisteredClients;
import dev.arbor.federation.domain.RegisteredClient;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.RegisteredClients;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * {@link RegisteredClients} whose writes reach every replica's {@link ClientCache}, as
 * {@link PropagatingClientRegistry} does for the admin API: once the store committed, this replica
 * evicts the client and {@code client.changed} is published; the write completes when the broker
 * acknowledged, or fails with {@link ClientChangePublisher.NotPropagated}. So after a DELETE answers,
 * no replica keeps serving the client beyond the event's propagation delay.
 */
@ApplicationScoped
public class PropagatingRegisteredClients implements RegisteredClients {
    private final PanacheRegisteredClients store;
    private final ClientCache cache;
    private final ClientChangePublisher changes;

    public PropagatingRegisteredClients(PanacheRegisteredClients store, ClientCache cache,
                                        ClientChangePublisher changes) {
        this.store = store;
        this.cache = cache;
        this.changes = changes;
    }

    @Override
    public Uni<Boolean> register(RegisteredClient registered) {
        return store.register(registered).call(done -> changedIf(done, registered.client().realm(),
                registered.client().clientId()));
    }

    @Override
    public Uni<Optional<RegisteredClient>> find(String realm, String clientId) {
        return store.find(realm, clientId);
    }

    @Override
    public Uni<Boolean> replace(RegisteredClient registered) {
        return store.replace(registered).call(done -> changedIf(done, registered.client().realm(),
                registered.client().clientId()));
    }

    @Override
    public Uni<Boolean> delete(String realm, String clientId) {
        return store.delete(realm, clientId).call(done -> changedIf(done, realm, clientId));
    }

    private Uni<Void> changedIf(boolean changed, String realm, String clientId) {
        if (!changed) {
            return Uni.createFrom().voidItem();
        }
        cache.evictClient(realm, clientId);
        return changes.clientChanged(realm, clientId);
    }
}
