package dev.arbor.federation.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A client that registered itself (RFC 7591 §3), with what its client configuration endpoint
 * (RFC 7592 §2) needs: its OIDC {@code application_type}, the keyed hash of its registration access
 * token ({@link ClientSecretHasher}) and {@code client_id_issued_at}.
 */
public record RegisteredClient(Client client, ApplicationType applicationType, String registrationAccessTokenHash,
                               Instant issuedAt) {
    public RegisteredClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(applicationType, "applicationType");
        Objects.requireNonNull(registrationAccessTokenHash, "registrationAccessTokenHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** The same registration with replaced metadata; the token and the issue time stay. */
    public RegisteredClient with(Client replacement, ApplicationType type) {
        return new RegisteredClient(replacement, type, registrationAccessTokenHash, issuedAt);
    }
}
