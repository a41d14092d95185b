package dev.arbor.federation.port;

import io.smallrye.mutiny.Uni;

/** token-service: Back-Channel Logout 1.0 §2.4 logout tokens. */
public interface LogoutTokenGateway {

    /**
     * A logout token for {@code clientId}, signed with the client's ID-token algorithm
     * ({@code signingAlg}; null: the realm's default).
     */
    Uni<String> issue(String realm, String clientId, String subject, String sessionId, String signingAlg);
}
