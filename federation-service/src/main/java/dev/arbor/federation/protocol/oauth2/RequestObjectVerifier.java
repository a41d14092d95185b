package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.Client;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * RFC 9101 (JAR) / OIDC Core §6.1 — a request object passed by value ({@code request}): a JWS signed
 * by the client with a key of the JWK Set it registered (as for {@code private_key_jwt}), with RS256,
 * PS256, ES256 or EdDSA; {@code none} and HMAC are refused. {@code iss} is the client id (§5), and
 * {@code aud} names the realm's issuer (§4); {@code exp}/{@code nbf}, when present, hold. Its claims
 * become the request's parameters (§5: only the request object's parameters are used), and its
 * {@code client_id} must be the one of the request. Every failure is {@code invalid_request_object}.
 */
@ApplicationScoped
public class RequestObjectVerifier {
    private static final Logger LOG = Logger.getLogger(RequestObjectVerifier.class);
    private static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(ConstraintType.PERMIT,
            PrivateKeyJwtAuthenticator.ALGORITHMS.toArray(String[]::new));
    /** Claims of the JWT itself, not authorization request parameters. */
    private static final List<String> JWT_CLAIMS = List.of("iss", "aud", "exp", "nbf", "iat", "jti");

    private final RealmUrls urls;
    private final Clock clock;
    private final int skewSeconds;

    public RequestObjectVerifier(RealmUrls urls, Clock clock, ArborConfig config) {
        this.urls = urls;
        this.clock = clock;
        this.skewSeconds = (int) config.federation().clientAssertionClockSkew().toSeconds();
    }

    /**
     * @param clientId the client_id the request names outside the object
     * @return the authorization request's parameters, from the object only
     * @throws OAuth2Exception {@code invalid_request_object}
     */
    public Map<String, String> verify(String realm, Client client, String clientId, String requestObject) {
        if (requestObject.length() > AccessTokenVerifier.MAX_TOKEN_LENGTH) {
            throw refused(realm, client, "the request object is oversized");
        }
        if (client.authentication().jwks().isEmpty()) {
            throw refused(realm, client, "the client registered no keys to sign request objects with");
        }
        JwksVerificationKeyResolver keys;
        try {
            keys = new JwksVerificationKeyResolver(ClientJwks.parse(client.authentication().jwks().get()).getJsonWebKeys());
        } catch (IllegalArgumentException e) {
            throw refused(realm, client, "the registered jwks is unusable");
        }
        keys.setDisambiguateWithVerifySignature(true);
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.instant().toEpochMilli()))
                .setAllowedClockSkewInSeconds(skewSeconds)
                .setExpectedIssuer(client.clientId())
                .setExpectedAudience(urls.issuer(realm))
                .setJwsAlgorithmConstraints(ALGORITHMS)
                .setVerificationKeyResolver(keys)
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(requestObject);
        } catch (InvalidJwtException | RuntimeException e) {
            throw refused(realm, client, "the request object does not verify");
        }
        Map<String, String> parameters = new HashMap<>();
        for (Map.Entry<String, Object> claim : claims.getClaimsMap().entrySet()) {
            if (!JWT_CLAIMS.contains(claim.getKey())) {
                parameters.put(claim.getKey(), parameter(realm, client, claim.getKey(), claim.getValue()));
            }
        }
        if (parameters.containsKey("request") || parameters.containsKey("request_uri")) {
            throw refused(realm, client, "a request object must not hold request or request_uri (RFC 9101 §4)");
        }
        String inside = parameters.get("client_id");
        if (inside != null && !inside.equals(clientId)) {
            throw refused(realm, client, "client_id differs inside and outside the request object (RFC 9101 §5)");
        }
        parameters.put("client_id", clientId);
        return parameters;
    }

    /** A claim as the string the parameter would have been: text as is, numbers, booleans; claims as JSON. */
    private static String parameter(String realm, Client client, String name, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if ("claims".equals(name) && value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> json = (Map<String, ?>) map;
            return org.jose4j.json.JsonUtil.toJson(json);
        }
        throw refused(realm, client, "request object claim " + LogText.of(name) + " has an unusable type");
    }

    private static OAuth2Exception refused(String realm, Client client, String reason) {
        LOG.infof("request object refused in realm %s for client %s: %s", realm, LogText.of(client.clientId()), reason);
        return OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST_OBJECT).withDescription("the request object is invalid");
    }
}
