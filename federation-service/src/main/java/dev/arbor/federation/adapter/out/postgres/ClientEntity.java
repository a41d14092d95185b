package dev.arbor.federation.adapter.out.postgres;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Row of {@code federation.client}. */
@Entity
@Table(name = "client")
public class ClientEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String realm;

    @Column(name = "client_id")
    public String clientId;

    public String name;

    public String type;

    @Column(name = "secret_hash")
    public String secretHash;

    @Column(name = "redirect_uris", columnDefinition = "text[]")
    public String[] redirectUris;

    @Column(name = "grant_types", columnDefinition = "text[]")
    public String[] grantTypes;

    @Column(columnDefinition = "text[]")
    public String[] scopes;

    Client toDomain() {
        return new Client(realm, clientId, name, ClientType.of(type), Optional.ofNullable(secretHash),
                list(redirectUris), list(grantTypes), list(scopes));
    }

    /** Copies the client's values; Hibernate writes nothing when they are unchanged. */
    void assign(Client c) {
        realm = c.realm();
        clientId = c.clientId();
        name = c.name();
        type = c.type().value();
        secretHash = c.secretHash().orElse(null);
        redirectUris = replaceIfChanged(redirectUris, c.redirectUris());
        grantTypes = replaceIfChanged(grantTypes, c.grantTypes());
        scopes = replaceIfChanged(scopes, c.scopes());
    }

    private static String[] replaceIfChanged(String[] current, List<String> next) {
        String[] candidate = next.toArray(String[]::new);
        return Arrays.equals(current, candidate) ? current : candidate;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }
}
