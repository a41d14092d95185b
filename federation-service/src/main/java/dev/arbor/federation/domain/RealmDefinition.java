package dev.arbor.federation.domain;

import java.util.List;
import java.util.Objects;

/**
 * The part of a realm's YAML that federation-service owns: its name, its clients (secrets already
 * reduced to their HMAC), the default JWS alg of its tokens ({@code null}: token-service's) and its
 * dynamic client registration policy.
 */
public record RealmDefinition(String name, String displayName, List<Client> clients, String tokenSigningAlg,
                              RegistrationPolicy registration) {

    /** A realm without a default signing algorithm of its own (token-service's default applies). */
    public RealmDefinition(String name, String displayName, List<Client> clients) {
        this(name, displayName, clients, null);
    }

    /** A realm closed to dynamic client registration. */
    public RealmDefinition(String name, String displayName, List<Client> clients, String tokenSigningAlg) {
        this(name, displayName, clients, tokenSigningAlg, RegistrationPolicy.CLOSED);
    }

    public RealmDefinition {
        registration = registration == null ? RegistrationPolicy.CLOSED : registration;
        if (tokenSigningAlg != null && !TokenSigningAlgorithms.isSupported(tokenSigningAlg)) {
            throw new IllegalArgumentException("realm " + name + ": tokenSigningAlg must be one of "
                    + String.join(", ", TokenSigningAlgorithms.ALL));
        }
        Objects.requireNonNull(name, "name");
        clients = List.copyOf(clients);
        for (Client c : clients) {
            if (!c.realm().equals(name)) {
                throw new IllegalArgumentException("client " + c.clientId() + " does not belong to realm " + name);
            }
        }
    }
}
