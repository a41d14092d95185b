package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.port.ClientRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

/**
 * {@link ClientRegistry} in PostgreSQL. A duplicate id is caught before the insert and, when two
 * creations race, by the {@code client_realm_client_id_key} constraint. The application sees it
 * only through {@code PropagatingClientRegistry}, which tells every replica's cache, hence {@code @Typed}.
 */
@ApplicationScoped
@Typed(PanacheClientRegistry.class)
public class PanacheClientRegistry implements ClientRegistry {
    private static final String UNIQUE_CONSTRAINT = "client_realm_client_id_key";

    @Override
    public Uni<Boolean> create(Client client) {
        return Panache.withTransaction(() -> ClientEntity.count("realm = ?1 and clientId = ?2",
                        client.realm(), client.clientId())
                .chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().item(false);
                    }
                    ClientEntity created = new ClientEntity();
                    created.assign(client);
                    return created.persist().replaceWith(true);
                }))
                .onFailure(PanacheClientRegistry::isDuplicate).recoverWithItem(false);
    }

    @Override
    public Uni<SecretRotation> replaceSecret(String realm, String clientId, String secretHash) {
        return Panache.withTransaction(() -> ClientEntity.<ClientEntity>find("realm = ?1 and clientId = ?2",
                realm, clientId).firstResult().map(entity -> {
                    if (entity == null) {
                        return SecretRotation.UNKNOWN_CLIENT;
                    }
                    if (!entity.toDomain().tokenEndpointAuthMethod().usesSecret()) {
                        return SecretRotation.NOT_A_SECRET_CLIENT;
                    }
                    entity.secretHash = secretHash;
                    return SecretRotation.ROTATED;
                }));
    }

    private static boolean isDuplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(UNIQUE_CONSTRAINT)) {
                return true;
            }
        }
        return false;
    }
}
