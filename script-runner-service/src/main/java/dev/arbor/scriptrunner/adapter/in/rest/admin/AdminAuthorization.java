package dev.arbor.scriptrunner.adapter.in.rest.admin;

import dev.arbor.adminauth.AdminAuthResult;
import dev.arbor.adminauth.AdminTokenVerifier;
import dev.arbor.scriptrunner.adapter.out.grpc.TokenServiceJwks;
import dev.arbor.scriptrunner.config.ScriptRunnerConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The script admin API accepts only access tokens of Arbor's {@code admin} realm, by the shared
 * rules of {@link AdminTokenVerifier} (RFC 6750, RFC 9068): no valid token 401, a valid token
 * without {@code arbor:admin} 403, the admin realm's keys unavailable 503. The key set comes from
 * token-service ({@link TokenServiceJwks}) without blocking the event loop.
 */
@ApplicationScoped
public class AdminAuthorization {
    private static final Logger LOG = Logger.getLogger(AdminAuthorization.class);

    private final TokenServiceJwks jwks;
    private final AdminTokenVerifier verifier;

    public AdminAuthorization(TokenServiceJwks jwks, ScriptRunnerConfig config) {
        this.jwks = jwks;
        this.verifier = AdminTokenVerifier.forPublicUrl(config.publicUrl()).build();
    }

    /** The admin's subject, or a failure with {@link AdminProblemException}. */
    public Uni<String> require(String authorization) {
        Optional<String> kid = AdminTokenVerifier.keyId(authorization);
        // Only a bearer header needs the keys; the cache bounds refetches for junk kids.
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        Uni<Optional<String>> keys = bearer
                ? jwks.jwksJson(AdminTokenVerifier.ADMIN_REALM, kid.orElse(null))
                : Uni.createFrom().item(Optional.empty());
        return keys.map(json -> switch (verifier.verify(authorization, k -> json)) {
            case AdminAuthResult.Ok ok -> ok.subject();
            case AdminAuthResult.Unauthorized no -> throw new AdminProblemException(401, "Unauthorized",
                    "A valid access token of the admin realm is required.", no.challenge());
            case AdminAuthResult.Forbidden no -> throw new AdminProblemException(403, "Forbidden",
                    "The token does not grant " + AdminTokenVerifier.ADMIN_SCOPE + ".", no.challenge());
            case AdminAuthResult.Unavailable no -> {
                LOG.warnf("admin API refused: %s", no.reason());
                throw new AdminProblemException(503, "Service Unavailable",
                        "The admin realm's keys are unavailable; try again.", null);
            }
        });
    }
}
