package dev.arbor.federation.port;

import dev.arbor.federation.domain.Client;
import io.smallrye.mutiny.Uni;

/** Clients registered through the admin API (the realm YAML import goes through {@link ClientRepository}). */
public interface ClientRegistry {
    /** Stores a new client; false when the realm already has a client with its id. */
    Uni<Boolean> create(Client client);

    /** Replaces the stored secret hash of a client that authenticates with a secret. */
    Uni<SecretRotation> replaceSecret(String realm, String clientId, String secretHash);

    enum SecretRotation { ROTATED, UNKNOWN_CLIENT, NOT_A_SECRET_CLIENT }
}
