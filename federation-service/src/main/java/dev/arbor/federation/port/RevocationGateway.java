package dev.arbor.federation.port;

import dev.arbor.contracts.token.v1.Revocation;
import dev.arbor.contracts.token.v1.RevokeRefreshTokenRequest;
import dev.arbor.contracts.token.v1.RevokeTokenRequest;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** token-service: records revocations (RFC 7009) and lists those in force. */
public interface RevocationGateway {
    /** Completes once token-service has stored and published the revocation. */
    Uni<Boolean> revoke(RevokeTokenRequest request);

    /**
     * Revokes a refresh token's family and the access tokens issued from it; false (nothing revoked)
     * for an unknown token or one issued to another client.
     */
    Uni<Boolean> revokeRefreshToken(RevokeRefreshTokenRequest request);

    /** Every revocation still in force; {@code realm} empty for all realms. */
    Uni<List<Revocation>> current(String realm);
}
