package dev.arbor.authtree.adapter.in.rest.admin;

import dev.arbor.authtree.adapter.out.grpc.TokenServiceJwks;
import dev.arbor.authtree.config.ArborConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * The admin API accepts only access tokens of Arbor's own {@code admin} realm, as federation's admin API does:
 * an RFC 6750 §2.1 bearer token verified offline (RFC 9068 §4: RS256 against the realm's JWK Set from
 * token-service, {@code typ at+jwt}, issuer {@code <public-url>/realms/admin}, {@code exp}, {@code sub},
 * {@code jti}), issued to client {@code arbor-admin} (RFC 9068 §2.2) with scope {@code arbor:admin}.
 * No valid token: 401; a valid token without that grant: 403 (RFC 6750 §3.1).
 */
@ApplicationScoped
public class AdminAuthorization {
    static final String ADMIN_REALM = "admin";
    static final String ADMIN_CLIENT = "arbor-admin";
    static final String ADMIN_SCOPE = "arbor:admin";
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final TokenServiceJwks jwks;
    private final String issuer;

    public AdminAuthorization(TokenServiceJwks jwks, ArborConfig config) {
        this.jwks = jwks;
        String url = config.publicUrl().endsWith("/") ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
        this.issuer = url + "/realms/" + ADMIN_REALM;
    }

    /** @throws AdminProblemException 401 or 403 */
    public void require(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("Bearer realm=\"" + ADMIN_REALM + "\"");
        }
        String token = authorization.substring(7).strip();
        JwtClaims claims = verify(token).orElseThrow(() -> unauthorized("Bearer error=\"invalid_token\""));
        String client = claims.getClaimValue("client_id") instanceof String s ? s : null;
        String scope = claims.getClaimValue("scope") instanceof String s ? s : "";
        if (!ADMIN_CLIENT.equals(client) || Arrays.stream(scope.split(" ")).noneMatch(ADMIN_SCOPE::equals)) {
            throw new AdminProblemException(403, "Forbidden", "The token does not grant " + ADMIN_SCOPE + ".", null,
                    "Bearer error=\"insufficient_scope\", scope=\"" + ADMIN_SCOPE + "\"");
        }
    }

    private Optional<JwtClaims> verify(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String kid;
        try {
            if (!(JsonWebStructure.fromCompactSerialization(token) instanceof JsonWebSignature jws)) {
                return Optional.empty();
            }
            kid = jws.getKeyIdHeaderValue();
        } catch (JoseException | RuntimeException e) {
            return Optional.empty();
        }
        Optional<JsonWebKeySet> keys = jwks.keysFor(ADMIN_REALM, kid);
        if (keys.isEmpty()) {
            throw AdminProblemException.of(503, "Service Unavailable", "The admin realm's keys are unavailable; try again");
        }
        try {
            return Optional.of(new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setRequireSubject()
                    .setRequireJwtId()
                    .setExpectedIssuer(issuer)
                    .setSkipDefaultAudienceValidation()
                    .setExpectedType(true, "at+jwt")
                    .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256))
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.get().getJsonWebKeys()))
                    .build()
                    .processToClaims(token));
        } catch (InvalidJwtException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static AdminProblemException unauthorized(String challenge) {
        return new AdminProblemException(401, "Unauthorized", "A valid access token of the admin realm is required.",
                null, challenge);
    }
}
