package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.domain.RegisteredClient;
import dev.arbor.federation.port.RegisteredClients;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.Optional;

/**
 * {@link RegisteredClients} in PostgreSQL: the client in {@code federation.client} like any other, its
 * registration in {@code federation.client_registration}, written in one transaction. The application
 * sees it only through {@code PropagatingRegisteredClients}, which tells every replica's cache, hence
 * {@code @Typed}.
 */
@ApplicationScoped
@Typed(PanacheRegisteredClients.class)
public class PanacheRegisteredClients implements RegisteredClients {
    private static final String BY_CLIENT = "realm = ?1 and clientId = ?2";

    @Override
    public Uni<Boolean> register(RegisteredClient registered) {
        String realm = registered.client().realm();
        String clientId = registered.client().clientId();
        return Panache.withTransaction(() -> ClientEntity.count(BY_CLIENT, realm, clientId).chain(existing -> {
                    if (existing > 0) {
                        return Uni.createFrom().item(false);
                    }
                    ClientEntity client = new ClientEntity();
                    client.assign(registered.client());
                    ClientRegistrationEntity registration = new ClientRegistrationEntity();
                    registration.realm = realm;
                    registration.clientId = clientId;
                    registration.applicationType = registered.applicationType().value();
                    registration.registrationAccessTokenHash = registered.registrationAccessTokenHash();
                    registration.issuedAt = registered.issuedAt();
                    return client.persist().chain(registration::persist).replaceWith(true);
                }))
                .onFailure(PanacheRegisteredClients::isDuplicate).recoverWithItem(false);
    }

    @Override
    public Uni<Optional<RegisteredClient>> find(String realm, String clientId) {
        return Panache.withSession(() -> ClientRegistrationEntity.<ClientRegistrationEntity>find(BY_CLIENT, realm, clientId)
                .firstResult()
                .chain(registration -> registration == null
                        ? Uni.createFrom().item(Optional.<RegisteredClient>empty())
                        : ClientEntity.<ClientEntity>find(BY_CLIENT, realm, clientId).firstResult()
                                .map(client -> Optional.ofNullable(client).map(c -> new RegisteredClient(c.toDomain(),
                                        registration.type(), registration.registrationAccessTokenHash,
                                        registration.issuedAt)))));
    }

    @Override
    public Uni<Boolean> replace(RegisteredClient registered) {
        String realm = registered.client().realm();
        String clientId = registered.client().clientId();
        return Panache.withTransaction(() -> ClientRegistrationEntity.<ClientRegistrationEntity>find(BY_CLIENT, realm,
                        clientId).firstResult()
                .chain(registration -> registration == null ? Uni.createFrom().item(false)
                        : ClientEntity.<ClientEntity>find(BY_CLIENT, realm, clientId).firstResult().map(client -> {
                            if (client == null) {
                                return false;
                            }
                            client.assign(registered.client());
                            registration.applicationType = registered.applicationType().value();
                            return true;
                        })));
    }

    @Override
    public Uni<Boolean> delete(String realm, String clientId) {
        return Panache.withTransaction(() -> ClientRegistrationEntity.delete(BY_CLIENT, realm, clientId)
                .chain(registrations -> registrations == 0 ? Uni.createFrom().item(false)
                        : ClientEntity.delete(BY_CLIENT, realm, clientId).map(clients -> clients > 0)));
    }

    private static boolean isDuplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t.getMessage().contains("client_realm_client_id_key")
                    || t.getMessage().contains("client_registration_client_key"))) {
                return true;
            }
        }
        return false;
    }
}
