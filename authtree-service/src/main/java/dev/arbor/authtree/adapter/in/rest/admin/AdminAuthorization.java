package dev.arbor.authtree.adapter.in.rest.admin;

import dev.arbor.adminauth.AdminAuthResult;
import dev.arbor.adminauth.AdminTokenVerifier;
import dev.arbor.authtree.adapter.out.grpc.TokenServiceJwks;
import dev.arbor.authtree.config.ArborConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;

/**
 * The admin API accepts only access tokens of Arbor's own {@code admin} realm, by the suite-wide rules
 * of {@link AdminTokenVerifier} (docs/guides/admin-auth.md: RFC 6750 bearer, RFC 9068 access token
 * verified against the admin realm's JWK Set from token-service, client {@code arbor-admin}, scope
 * {@code arbor:admin}). No valid token: 401; a valid token without that grant: 403; the keys
 * unavailable: 503 (RFC 6750 §3.1).
 */
@ApplicationScoped
public class AdminAuthorization {
    static final String ADMIN_REALM = AdminTokenVerifier.ADMIN_REALM;

    private final TokenServiceJwks jwks;
    private final AdminTokenVerifier verifier;

    public AdminAuthorization(TokenServiceJwks jwks, ArborConfig config) {
        this.jwks = jwks;
        this.verifier = AdminTokenVerifier.forPublicUrl(config.publicUrl()).build();
    }

    /** @throws AdminProblemException 401, 403 or 503 */
    public void require(String authorization) {
        AdminAuthResult result = verifier.verify(authorization, kid -> jwks.keysFor(ADMIN_REALM, kid)
                .map(set -> set.toJson(OutputControlLevel.PUBLIC_ONLY)));
        switch (result) {
            case AdminAuthResult.Ok ok -> { }
            case AdminAuthResult.Unauthorized u -> throw new AdminProblemException(401, "Unauthorized",
                    "A valid access token of the admin realm is required.", null, u.challenge());
            case AdminAuthResult.Forbidden f -> throw new AdminProblemException(403, "Forbidden",
                    "The token does not grant " + AdminTokenVerifier.ADMIN_SCOPE + ".", null, f.challenge());
            case AdminAuthResult.Unavailable u -> throw AdminProblemException.of(503, "Service Unavailable",
                    "The admin realm's keys are unavailable; try again");
        }
    }
}
