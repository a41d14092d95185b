package dev.arbor.adminauth;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies the bearer token of an admin API call offline, the one rule set of every Arbor admin
 * API: an RFC 6750 §2.1 {@code Authorization: Bearer} header carrying an RFC 9068 access token of
 * the {@code admin} realm: signature by a key of the realm's JWK Set with an allow-listed
 * algorithm (never {@code none} or HMAC, RFC 8725 §3.1–3.2), {@code typ at+jwt} (RFC 9068 §4),
 * {@code iss} equal to the admin realm's issuer, {@code exp} required and {@code nbf} honoured
 * with a clock skew, {@code sub} and {@code jti} present; then the grant: {@code client_id}
 * {@code arbor-admin} (when required) and scope {@code arbor:admin}. Framework-free: the caller
 * brings the key set ({@link JwksSource}) and maps the {@link AdminAuthResult} to its HTTP layer.
 * Thread-safe and immutable.
 */
public final class AdminTokenVerifier {
    public static final String ADMIN_REALM = "admin";
    public static final String ADMIN_CLIENT = "arbor-admin";
    public static final String ADMIN_SCOPE = "arbor:admin";
    /** What token-service signs with (RFC 7518 §3.1, RFC 8037). */
    public static final List<String> ARBOR_ALGORITHMS = List.of(AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.EDDSA);

    /** Arbor's access tokens are well under 2 KiB; anything past 16 KiB is refused unparsed. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    /** RFC 6750 §2.1 b64token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    private final String issuer;
    private final List<String> algorithms;
    private final Duration clockSkew;
    private final String requiredScope;
    private final String requiredClientId;
    private final Clock clock;

    private AdminTokenVerifier(Builder builder) {
        this.issuer = Objects.requireNonNull(builder.issuer, "issuer");
        this.algorithms = List.copyOf(builder.algorithms);
        this.clockSkew = builder.clockSkew;
        this.requiredScope = builder.requiredScope;
        this.requiredClientId = builder.requiredClientId;
        this.clock = builder.clock;
        if (algorithms.isEmpty() || algorithms.stream().anyMatch(a -> a.equals("none") || a.startsWith("HS"))) {
            throw new IllegalArgumentException("algorithms must be asymmetric signature algorithms");
        }
    }

    /**
     * A verifier for the admin realm of a suite whose public URL is {@code publicUrl}
     * (issuer {@code <publicUrl>/realms/admin}), with Arbor's defaults.
     */
    public static Builder forPublicUrl(String publicUrl) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new Builder().issuer(base + "/realms/" + ADMIN_REALM);
    }

    /**
     * The {@code kid} header of the bearer token in {@code authorization}, if it is a well-formed JWS;
     * lets an asynchronous caller fetch the key set before calling {@link #verify}.
     */
    public static Optional<String> keyId(String authorization) {
        return bearer(authorization).flatMap(AdminTokenVerifier::parse).map(JsonWebStructure::getKeyIdHeaderValue);
    }

    public AdminAuthResult verify(String authorization, JwksSource keys) {
        if (authorization == null || authorization.isBlank()) {
            return new AdminAuthResult.Unauthorized("no bearer token", "Bearer realm=\"" + ADMIN_REALM + "\"");
        }
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? invalid("the token is malformed")
                    : new AdminAuthResult.Unauthorized("not a bearer token", "Bearer realm=\"" + ADMIN_REALM + "\"");
        }
        Optional<JsonWebSignature> jws = parse(token.get());
        if (jws.isEmpty()) {
            return invalid("the token is not a signed JWT");
        }
        Optional<String> json;
        try {
            json = keys.jwksJson(jws.get().getKeyIdHeaderValue());
        } catch (RuntimeException e) {
            json = Optional.empty();
        }
        if (json.isEmpty()) {
            return new AdminAuthResult.Unavailable("the admin realm's keys are unavailable");
        }
        JsonWebKeySet set;
        try {
            set = new JsonWebKeySet(json.get());
        } catch (JoseException e) {
            return new AdminAuthResult.Unavailable("the admin realm's key set does not parse");
        }
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder()
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .setAllowedClockSkewInSeconds((int) clockSkew.toSeconds())
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setRequireJwtId()
                    .setExpectedIssuer(issuer)
                    .setSkipDefaultAudienceValidation()
                    .setExpectedType(true, "at+jwt")
                    .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                            algorithms.toArray(String[]::new)))
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(set.getJsonWebKeys()))
                    .build()
                    .processToClaims(token.get());
        } catch (InvalidJwtException e) {
            return invalid(e.hasExpired() ? "the token has expired" : "the token is not valid");
        } catch (RuntimeException e) {
            return invalid("the token is not valid");
        }
        return grant(claims);
    }

    private AdminAuthResult grant(JwtClaims claims) {
        String forbidden = "Bearer error=\"insufficient_scope\", scope=\"" + requiredScope + "\"";
        if (requiredClientId != null && !requiredClientId.equals(string(claims, "client_id"))) {
            return new AdminAuthResult.Forbidden("the token was not issued to " + requiredClientId, forbidden);
        }
        String scope = string(claims, "scope");
        if (scope == null || Arrays.stream(scope.split(" ")).noneMatch(requiredScope::equals)) {
            return new AdminAuthResult.Forbidden("the token does not grant " + requiredScope, forbidden);
        }
        return new AdminAuthResult.Ok(string(claims, "sub"), string(claims, "jti"));
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !B64TOKEN.matcher(token).matches()
                ? Optional.empty() : Optional.of(token);
    }

    private static Optional<JsonWebSignature> parse(String token) {
        try {
            return JsonWebStructure.fromCompactSerialization(token) instanceof JsonWebSignature jws
                    ? Optional.of(jws) : Optional.empty();
        } catch (JoseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static AdminAuthResult invalid(String reason) {
        return new AdminAuthResult.Unauthorized(reason, INVALID_TOKEN);
    }

    private static String string(JwtClaims claims, String name) {
        return claims.getClaimValue(name) instanceof String s ? s : null;
    }

    /** Defaults: Arbor's algorithms, 30 s skew, scope {@code arbor:admin}, client {@code arbor-admin}, system clock. */
    public static final class Builder {
        private String issuer;
        private List<String> algorithms = ARBOR_ALGORITHMS;
        private Duration clockSkew = Duration.ofSeconds(30);
        private String requiredScope = ADMIN_SCOPE;
        private String requiredClientId = ADMIN_CLIENT;
        private Clock clock = Clock.systemUTC();

        public Builder issuer(String value) {
            issuer = value;
            return this;
        }

        public Builder algorithms(List<String> value) {
            algorithms = value;
            return this;
        }

        public Builder clockSkew(Duration value) {
            clockSkew = value;
            return this;
        }

        public Builder requiredScope(String value) {
            requiredScope = Objects.requireNonNull(value);
            return this;
        }

        /** {@code null}: any client (only the scope counts). */
        public Builder requiredClientId(String value) {
            requiredClientId = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public AdminTokenVerifier build() {
            return new AdminTokenVerifier(this);
        }
    }
}
