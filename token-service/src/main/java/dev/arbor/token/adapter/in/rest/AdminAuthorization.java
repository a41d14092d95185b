package dev.arbor.token.adapter.in.rest;

import dev.arbor.token.config.ArborConfig;
import dev.arbor.token.domain.key.SigningAlgorithm;
import dev.arbor.token.domain.key.SigningKeyService;
import dev.arbor.token.domain.key.StoredSigningKey;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * The admin API accepts only access tokens of Arbor's own {@code admin} realm, verified offline
 * against this service's own keys of that realm (RFC 9068 §4: signature, {@code typ at+jwt},
 * {@code iss}, {@code exp}), issued to client {@code arbor-admin} (RFC 9068 §2.2 {@code client_id})
 * with scope {@code arbor:admin}. No valid token: 401; a valid token without that grant: 403
 * {@code insufficient_scope} (RFC 6750 §3.1). The same rules as federation-service's admin API.
 */
@Singleton
public class AdminAuthorization {
    static final String ADMIN_REALM = "admin";
    static final String ADMIN_CLIENT = "arbor-admin";
    static final String ADMIN_SCOPE = "arbor:admin";

    private static final Logger LOG = Logger.getLogger(AdminAuthorization.class);
    /** RFC 6750 §2.1 b64token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final AlgorithmConstraints ARBOR_ALGS = new AlgorithmConstraints(ConstraintType.PERMIT,
            Arrays.stream(SigningAlgorithm.values()).map(SigningAlgorithm::jwsName).toArray(String[]::new));

    private final SigningKeyService keys;
    private final String issuer;
    private final Clock clock;

    public AdminAuthorization(SigningKeyService keys, ArborConfig config, Clock clock) {
        this.keys = keys;
        this.issuer = config.publicUrl() + "/realms/" + ADMIN_REALM;
        this.clock = clock;
    }

    /** Completes when the {@code Authorization} header grants the admin API; fails with a {@link ProblemException}. */
    public Uni<Void> require(String authorization) {
        return Uni.createFrom().deferred(() -> {
            String token = bearer(authorization);
            return Uni.createFrom().completionStage(keys.keySet(ADMIN_REALM))
                    .map(set -> verify(token, set.keys()));
        }).map(claims -> {
            if (!ADMIN_CLIENT.equals(string(claims, "client_id"))
                    || !List.of(String.valueOf(string(claims, "scope")).split(" ")).contains(ADMIN_SCOPE)) {
                throw new ProblemException(Problem.of(403, "Forbidden", "The token does not grant " + ADMIN_SCOPE + "."),
                        "Bearer error=\"insufficient_scope\", scope=\"" + ADMIN_SCOPE + "\"");
            }
            return null;
        });
    }

    /** RFC 6750 §2.1: {@code Authorization: Bearer <token>}; without one the challenge carries no error code (§3.1). */
    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(Problem.of(401, "Unauthorized",
                    "A bearer access token of the admin realm is required."), "Bearer");
        }
        String token = authorization.substring(7).trim();
        if (token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()) {
            throw invalidToken();
        }
        return token;
    }

    private JwtClaims verify(String token, List<StoredSigningKey> published) {
        List<JsonWebKey> jwks = new ArrayList<>();
        for (StoredSigningKey key : published) {
            try {
                jwks.add(JsonWebKey.Factory.newJwk(key.publicJwk()));
            } catch (JoseException e) {
                LOG.warnf("public JWK %s of realm admin does not parse", key.kid());
            }
        }
        try {
            return new JwtConsumerBuilder()
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setRequireJwtId()
                    .setExpectedIssuer(issuer)
                    .setSkipDefaultAudienceValidation()
                    .setExpectedType(true, "at+jwt")
                    .setJwsAlgorithmConstraints(ARBOR_ALGS)
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks))
                    .build()
                    .processToClaims(token);
        } catch (InvalidJwtException e) {
            throw invalidToken();
        }
    }

    private static ProblemException invalidToken() {
        return new ProblemException(Problem.of(401, "Unauthorized",
                "A valid access token of the admin realm is required."), "Bearer error=\"invalid_token\"");
    }

    private static String string(JwtClaims claims, String name) {
        return claims.getClaimValue(name) instanceof String s ? s : null;
    }
}
