package dev.arbor.federation.port;

import dev.arbor.federation.domain.RegisteredClient;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Dynamically registered clients (RFC 7591 §3, RFC 7592 §2). They are ordinary clients (the token
 * endpoint finds them through {@link ClientRepository}); this port also keeps what their client
 * configuration endpoint needs. Every write is announced to every replica, like the admin API's.
 */
public interface RegisteredClients {
    /** Stores the client and its registration together; false when the realm already has its id. */
    Uni<Boolean> register(RegisteredClient registered);

    /** The registration of a client that registered itself; empty for clients of YAML or the admin API. */
    Uni<Optional<RegisteredClient>> find(String realm, String clientId);

    /** RFC 7592 §2.2 — replaces the client's metadata; false when it is gone. */
    Uni<Boolean> replace(RegisteredClient registered);

    /** RFC 7592 §2.3 — removes the client with its registration; false when it was gone already. */
    Uni<Boolean> delete(String realm, String clientId);
}
