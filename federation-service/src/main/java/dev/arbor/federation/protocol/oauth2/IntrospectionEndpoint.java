package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.SessionDirectory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;

/**
 * RFC 7662 — Token Introspection, answered from memory: the signature against the cached JWK Set,
 * {@code typ at+jwt}, this realm's issuer, expiry, this replica's deny-set of revoked tokens and its
 * view of ended SSO sessions ({@link AccessTokenVerifier}, {@link SessionDirectory}). No call to
 * another service on the hot path. Only confidential clients may ask (§2.1: the endpoint MUST require
 * some form of authorization). Every token that is not active, for whatever reason, gives exactly
 * {@code {"active":false}} (§2.2: no further information about why).
 */
@ApplicationScoped
public class IntrospectionEndpoint {
    private static final Logger LOG = Logger.getLogger(IntrospectionEndpoint.class);
    public static final Map<String, Object> INACTIVE = Map.of("active", false);

    private final ClientAuthenticator authenticator;
    private final AccessTokenVerifier verifier;
    private final SessionDirectory sessions;

    public IntrospectionEndpoint(ClientAuthenticator authenticator, AccessTokenVerifier verifier,
                                 SessionDirectory sessions) {
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.sessions = sessions;
    }

    public Uni<Map<String, Object>> introspect(String realm, String authorization, Map<String, List<String>> form) {
        return Uni.createFrom().deferred(() -> {
            Map<String, String> single = FormParameters.single(form);
            boolean triedBasic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
            return authenticator.authenticate(realm, authorization, single).chain(client -> {
                if (client.isPublic()) {
                    throw OAuth2Exception.invalidClient(triedBasic);
                }
                String token = single.get("token");
                if (token == null || token.isEmpty()) {
                    throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("token is required");
                }
                return verifier.verify(realm, token)
                        .map(this::describe)
                        .onFailure().recoverWithItem(failure -> {
                            if (!(failure instanceof OAuth2Exception)) {
                                LOG.warnf("introspection in realm %s could not verify a token (%s); inactive",
                                        realm, failure.getClass().getSimpleName());
                            }
                            return INACTIVE;
                        });
            });
        });
    }

    /** RFC 7662 §2.2: the claims of an active token. */
    private Map<String, Object> describe(JwtClaims claims) {
        if (sessions.hasEnded(text(claims, "sid"))) {
            return INACTIVE;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        putIfPresent(body, "scope", claims.getClaimValue("scope"));
        putIfPresent(body, "client_id", claims.getClaimValue("client_id"));
        putIfPresent(body, "username", claims.getClaimValue("preferred_username"));
        body.put("token_type", "Bearer");
        putIfPresent(body, "exp", claims.getClaimValue("exp"));
        putIfPresent(body, "iat", claims.getClaimValue("iat"));
        putIfPresent(body, "sub", claims.getClaimValue("sub"));
        putIfPresent(body, "aud", claims.getClaimValue("aud"));
        putIfPresent(body, "iss", claims.getClaimValue("iss"));
        putIfPresent(body, "jti", claims.getClaimValue("jti"));
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String text(JwtClaims claims, String name) {
        Object value = claims.getClaimValue(name);
        return value instanceof String s ? s : null;
    }
}
