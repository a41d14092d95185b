package dev.arbor.token.adapter.in.rest;

import dev.arbor.adminauth.AdminAuthResult;
import dev.arbor.adminauth.AdminTokenVerifier;
import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.domain.key.SigningKeyService;
import dev.arbor.token.domain.key.StoredSigningKey;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The admin API accepts only access tokens of Arbor's own {@code admin} realm, by the suite-wide rules
 * of {@link AdminTokenVerifier} (docs/guides/admin-auth.md: RFC 9068 access token, {@code iss} of the
 * admin realm, client {@code arbor-admin}, scope {@code arbor:admin}). Its keys are this service's own
 * keys of that realm, so no network hop: no valid token 401, a token without the grant 403
 * {@code insufficient_scope} (RFC 6750 §3.1).
 */
@Singleton
public class AdminAuthorization {
    static final String ADMIN_REALM = AdminTokenVerifier.ADMIN_REALM;

    private final SigningKeyService keys;
    private final AdminTokenVerifier verifier;

    public AdminAuthorization(SigningKeyService keys, ArborConfig config, Clock clock) {
        this.keys = keys;
        this.verifier = AdminTokenVerifier.forPublicUrl(config.publicUrl()).clock(clock).build();
    }

    /** Completes when the {@code Authorization} header grants the admin API; fails with a {@link ProblemException}. */
    public Uni<Void> require(String authorization) {
        return Uni.createFrom().completionStage(() -> keys.keySet(ADMIN_REALM))
                .map(set -> switch (verifier.verify(authorization, kid -> Optional.of(jwks(set.keys())))) {
                    case AdminAuthResult.Ok ok -> null;
                    case AdminAuthResult.Unauthorized u -> throw new ProblemException(Problem.of(401, "Unauthorized",
                            "A valid access token of the admin realm is required."), u.challenge());
                    case AdminAuthResult.Forbidden f -> throw new ProblemException(Problem.of(403, "Forbidden",
                            "The token does not grant " + AdminTokenVerifier.ADMIN_SCOPE + "."), f.challenge());
                    case AdminAuthResult.Unavailable u -> throw new ProblemException(Problem.of(503,
                            "Service Unavailable", "The admin realm's keys could not be read."), null);
                });
    }

    /** The admin realm's public keys as a JWK Set document. */
    private static String jwks(List<StoredSigningKey> published) {
        return published.stream().map(StoredSigningKey::publicJwk)
                .collect(java.util.stream.Collectors.joining(",", "{\"keys\":[", "]}"));
    }
}
