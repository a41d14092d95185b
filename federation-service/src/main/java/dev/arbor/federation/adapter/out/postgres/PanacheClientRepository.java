package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.RealmDefinition;
import dev.arbor.federation.domain.RegistrationPolicy;
import dev.arbor.federation.port.ClientRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ClientRepository} in PostgreSQL (schema {@code federation}) through Hibernate Reactive. The
 * application sees it only through {@code CachingClientRepository}, hence {@code @Typed}.
 */
@ApplicationScoped
@Typed(PanacheClientRepository.class)
public class PanacheClientRepository implements ClientRepository {

    @Override
    public Uni<Boolean> realmExists(String realm) {
        return Panache.withSession(() -> RealmEntity.count("name", realm)).map(n -> n > 0);
    }

    @Override
    public Uni<Optional<Client>> findClient(String realm, String clientId) {
        return Panache.withSession(() -> ClientEntity.<ClientEntity>find("realm = ?1 and clientId = ?2", realm, clientId)
                        .firstResult())
                .map(e -> Optional.ofNullable(e).map(ClientEntity::toDomain));
    }

    @Override
    public Uni<List<Client>> listClients(String realm) {
        return Panache.withSession(() -> ClientEntity.<ClientEntity>list("realm = ?1 order by clientId", realm))
                .map(rows -> rows.stream().map(ClientEntity::toDomain).toList());
    }

    @Override
    public Uni<RegistrationPolicy> registrationPolicy(String realm) {
        return Panache.withSession(() -> RealmEntity.<RealmEntity>findById(realm))
                .map(entity -> entity == null ? RegistrationPolicy.CLOSED : entity.registrationPolicy());
    }

    @Override
    public Uni<Void> importRealm(RealmDefinition definition) {
        return Panache.withTransaction(() -> upsertRealm(definition)
                .chain(() -> Multi.createFrom().iterable(definition.clients())
                        .onItem().transformToUniAndConcatenate(PanacheClientRepository::upsertClient)
                        .collect().asList())
                .replaceWithVoid());
    }

    private static Uni<Void> upsertRealm(RealmDefinition definition) {
        return RealmEntity.<RealmEntity>findById(definition.name()).chain(existing -> {
            if (existing == null) {
                RealmEntity realm = new RealmEntity();
                realm.name = definition.name();
                realm.displayName = definition.displayName();
                realm.tokenSigningAlg = definition.tokenSigningAlg();
                realm.assign(definition.registration());
                return realm.persist().replaceWithVoid();
            }
            if (!Objects.equals(existing.displayName, definition.displayName())) {
                existing.displayName = definition.displayName();
            }
            if (!Objects.equals(existing.tokenSigningAlg, definition.tokenSigningAlg())) {
                existing.tokenSigningAlg = definition.tokenSigningAlg();
            }
            existing.assign(definition.registration());
            return Uni.createFrom().voidItem();
        });
    }

    private static Uni<Void> upsertClient(Client client) {
        return ClientEntity.<ClientEntity>find("realm = ?1 and clientId = ?2", client.realm(), client.clientId())
                .firstResult()
                .chain(existing -> {
                    if (existing == null) {
                        ClientEntity created = new ClientEntity();
                        created.assign(client);
                        return created.persist().replaceWithVoid();
                    }
                    existing.assign(client);
                    return Uni.createFrom().voidItem();
                });
    }
}
