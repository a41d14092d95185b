package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.config.ArborConfig;
import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.TokenEndpointAuthMethod;
import dev.arbor.federation.port.AssertionReplayCache;
import dev.arbor.federation.port.ClientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * RFC 7523 §2.2 and §3, OIDC Core §9 — {@code private_key_jwt}: the client sends
 * {@code client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer} and a JWT
 * {@code client_assertion} signed with a key of its registered JWK Set ({@code kid} picks the key).
 * {@code iss} and {@code sub} are the client id, {@code aud} is the realm's issuer and nothing else (RFC 10070:
 * an assertion that also names another audience could be replayed there, or was minted for it), {@code exp}
 * lies at most {@code client-assertion-max-lifetime} ahead, {@code nbf}/{@code iat} are not in the
 * future (small skew), and {@code jti} is used once (§3 item 7), across replicas. Only RS256, PS256,
 * ES256 and EdDSA signatures count; {@code none} and HMAC never do. Every failure is 401
 * {@code invalid_client}; the reason is only logged.
 */
@ApplicationScoped
public class PrivateKeyJwtAuthenticator {
    public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    public static final List<String> ALGORITHMS = List.of(AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.EDDSA);
    private static final Logger LOG = Logger.getLogger(PrivateKeyJwtAuthenticator.class);
    private static final int MAX_JTI_LENGTH = 256;
    /** Reads iss and sub before the client (and so its keys) is known; nothing is trusted from it. */
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    private final ClientRepository clients;
    private final AssertionReplayCache replays;
    private final RealmUrls urls;
    private final Clock clock;
    private final Duration maxLifetime;
    private final Duration skew;

    public PrivateKeyJwtAuthenticator(ClientRepository clients, AssertionReplayCache replays, RealmUrls urls,
                                      Clock clock, ArborConfig config) {
        this.clients = clients;
        this.replays = replays;
        this.urls = urls;
        this.clock = clock;
        this.maxLifetime = config.federation().clientAssertionMaxLifetime();
        this.skew = config.federation().clientAssertionClockSkew();
    }

    static boolean presented(Map<String, String> form) {
        return form.containsKey("client_assertion") || form.containsKey("client_assertion_type");
    }

    public Uni<Client> authenticate(String realm, Map<String, String> form) {
        String assertion = form.get("client_assertion");
        if (!JWT_BEARER.equals(form.get("client_assertion_type"))) {
            throw refused(realm, null, "client_assertion_type is not jwt-bearer");
        }
        if (assertion == null || assertion.isEmpty() || assertion.length() > AccessTokenVerifier.MAX_TOKEN_LENGTH) {
            throw refused(realm, null, "client_assertion is missing or oversized");
        }
        String clientId = claimedClient(realm, assertion);
        String bodyClientId = form.get("client_id");
        if (bodyClientId != null && !bodyClientId.equals(clientId)) {
            throw refused(realm, clientId, "client_id differs from the assertion's sub");
        }
        return clients.findClient(realm, clientId).chain(found -> {
            Client client = found.filter(c -> c.tokenEndpointAuthMethod() == TokenEndpointAuthMethod.PRIVATE_KEY_JWT)
                    .orElseThrow(() -> refused(realm, clientId, found.isEmpty() ? "unknown client"
                            : "the client is not registered for private_key_jwt"));
            JwtClaims claims = verify(realm, client, assertion);
            String jti = claims.getClaimValue("jti") instanceof String s ? s : "";
            if (jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
                throw refused(realm, clientId, "jti is missing or too long");
            }
            Instant rememberUntil = Instant.ofEpochSecond(expiry(claims)).plus(skew);
            return replays.firstUse(realm, clientId, jti, rememberUntil)
                    .onFailure().transform(failure -> {
                        // fail closed: without the replay check no assertion is accepted
                        LOG.warnf("the jti of a client assertion could not be recorded (%s)",
                                failure.getClass().getSimpleName());
                        return OAuth2Exception.temporarilyUnavailable("client authentication is unavailable; retry");
                    })
                    .map(first -> {
                        if (!first) {
                            throw refused(realm, clientId, "the assertion's jti was already used");
                        }
                        return client;
                    });
        });
    }

    /** RFC 7523 §3 items 1-2, OIDC Core §9: iss and sub are both the client id. */
    private static String claimedClient(String realm, String assertion) {
        try {
            JwtClaims claims = UNVERIFIED.processToClaims(assertion);
            String subject = claims.getSubject();
            if (subject == null || subject.isEmpty() || !subject.equals(claims.getIssuer())) {
                throw refused(realm, null, "iss and sub are not the same client id");
            }
            return subject;
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            if (e instanceof OAuth2Exception refusal) {
                throw refusal;
            }
            throw refused(realm, null, "the assertion is not a JWT");
        }
    }

    private JwtClaims verify(String realm, Client client, String assertion) {
        Instant now = clock.instant();
        JwksVerificationKeyResolver keys;
        try {
            keys = new JwksVerificationKeyResolver(
                    ClientJwks.parse(client.authentication().jwks().orElseThrow()).getJsonWebKeys());
        } catch (IllegalArgumentException e) {
            throw refused(realm, client.clientId(), "the registered jwks is unusable: " + e.getMessage());
        }
        keys.setDisambiguateWithVerifySignature(true);
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                .setAllowedClockSkewInSeconds((int) skew.toSeconds())
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setExpectedIssuer(client.clientId())
                .setExpectedSubject(client.clientId())
                .setExpectedAudience(urls.issuer(realm))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(ConstraintType.PERMIT,
                        ALGORITHMS.toArray(String[]::new)))
                .setVerificationKeyResolver(keys)
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(assertion);
        } catch (InvalidJwtException e) {
            throw refused(realm, client.clientId(), "the assertion does not verify: " + reason(e));
        }
        if (!soleAudience(claims, urls.issuer(realm))) {
            throw refused(realm, client.clientId(), "aud names another audience besides the issuer");
        }
        Instant latestExpiry = now.plus(maxLifetime).plus(skew);
        if (Instant.ofEpochSecond(expiry(claims)).isAfter(latestExpiry)) {
            throw refused(realm, client.clientId(), "exp lies further ahead than " + maxLifetime);
        }
        Object iat = claims.getClaimValue("iat");
        if (iat != null && !(iat instanceof Number n && Instant.ofEpochSecond(n.longValue()).isBefore(now.plus(skew)))) {
            throw refused(realm, client.clientId(), "iat is malformed or in the future");
        }
        return claims;
    }

    /** RFC 10070: the issuer is the sole audience value, as a string or a one-element array. */
    static boolean soleAudience(JwtClaims claims, String issuer) {
        try {
            return claims.getAudience().equals(List.of(issuer));
        } catch (MalformedClaimException e) {
            return false;
        }
    }

    /** jose4j's first complaint, cut before it quotes the assertion itself (a credential, never logged). */
    private static String reason(InvalidJwtException e) {
        String message = e.getErrorDetails().isEmpty() ? "invalid" : e.getErrorDetails().getFirst().getErrorMessage();
        int quoted = message.indexOf("JsonWebSignature{");
        message = quoted < 0 ? message : message.substring(0, quoted);
        return (message.length() > 160 ? message.substring(0, 160) : message).replaceAll("[^\\x20-\\x7E]", "?");
    }

    private static long expiry(JwtClaims claims) {
        try {
            return claims.getExpirationTime().getValue();
        } catch (MalformedClaimException e) {
            throw new IllegalStateException("exp was validated", e);
        }
    }

    private static OAuth2Exception refused(String realm, String clientId, String reason) {
        LOG.infof("private_key_jwt authentication failed in realm %s for client %s: %s", realm,
                clientId == null ? "(unknown)" : LogText.of(clientId), reason);
        return OAuth2Exception.invalidClient(false);
    }
}
