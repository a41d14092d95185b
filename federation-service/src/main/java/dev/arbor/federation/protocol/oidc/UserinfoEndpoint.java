package dev.arbor.federation.protocol.oidc;

import dev.arbor.federation.domain.SessionDirectory;
import dev.arbor.federation.port.IdentityGateway;
import dev.arbor.federation.protocol.oauth2.AccessTokenVerifier;
import dev.arbor.federation.protocol.oauth2.BearerToken;
import dev.arbor.federation.protocol.oauth2.OAuth2Exception;
import dev.arbor.federation.protocol.oauth2.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;

/**
 * OIDC Core §5.3 — the UserInfo endpoint. The access token is verified offline
 * ({@link AccessTokenVerifier}, which also refuses a revoked token), refused when its SSO session ({@code sid}) has ended on this
 * replica's view, must carry {@code openid}; the claims released are those its scopes allow (§5.4), plus
 * those the authorization request's {@code claims.userinfo} asked for one by one (§5.5), which the
 * token names in its {@code userinfo_claims} (only standard claims are released so).
 */
@ApplicationScoped
public class UserinfoEndpoint {
    /** The access token's claim naming the UserInfo claims asked for (set by token-service). */
    static final String USERINFO_CLAIMS = "userinfo_claims";

    private final AccessTokenVerifier verifier;
    private final SessionDirectory sessions;
    private final IdentityGateway identities;

    public UserinfoEndpoint(AccessTokenVerifier verifier, SessionDirectory sessions, IdentityGateway identities) {
        this.verifier = verifier;
        this.sessions = sessions;
        this.identities = identities;
    }

    public Uni<Map<String, Object>> userinfo(String realm, String authorization) {
        return Uni.createFrom().deferred(() -> verifier.verify(realm, BearerToken.from(authorization)))
                .chain(claims -> {
                    String subject = claim(claims, "sub");
                    if (sessions.hasEnded(claim(claims, "sid"))) {
                        throw OAuth2Exception.invalidToken("the session has ended");
                    }
                    List<String> scopes = Scopes.parse(claim(claims, "scope"));
                    if (!scopes.contains("openid")) {
                        throw OAuth2Exception.insufficientScope("openid");
                    }
                    return identities.claims(realm, subject).map(identity -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("sub", subject);
                        StandardClaims.release(identity.orElseThrow(() ->
                                        OAuth2Exception.invalidToken("the token's subject is unknown")), scopes,
                                        userinfoClaims(claims))
                                .forEach((name, value) -> body.put(name, StandardClaims.jsonValue(name, value)));
                        return body;
                    });
                });
    }

    /** The token's {@code userinfo_claims}: names, each a string; anything else in it is ignored. */
    private static List<String> userinfoClaims(JwtClaims claims) {
        return claims.getClaimValue(USERINFO_CLAIMS) instanceof List<?> names
                ? names.stream().filter(String.class::isInstance).map(String.class::cast).toList()
                : List.of();
    }

    private static String claim(JwtClaims claims, String name) {
        Object value = claims.getClaimValue(name);
        return value instanceof String s ? s : null;
    }
}
