package dev.arbor.federation.domain;

import java.util.List;
import java.util.Objects;

/**
 * The part of a realm's YAML that federation-service owns: its name and its clients, secrets
 * already reduced to their HMAC.
 */
public record RealmDefinition(String name, String displayName, List<Client> clients) {
    public RealmDefinition {
        Objects.requireNonNull(name, "name");
        clients = List.copyOf(clients);
        for (Client c : clients) {
            if (!c.realm().equals(name)) {
                throw new IllegalArgumentException("client " + c.clientId() + " does not belong to realm " + name);
            }
        }
    }
}
