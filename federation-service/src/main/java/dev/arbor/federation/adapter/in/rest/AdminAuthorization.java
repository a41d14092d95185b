package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oauth2.AccessTokenVerifier;
import dev.arbor.federation.protocol.oauth2.BearerToken;
import dev.arbor.federation.protocol.oauth2.OAuth2Exception;
import dev.arbor.federation.protocol.oauth2.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwt.JwtClaims;

/**
 * Admin APIs accept only access tokens of Arbor's own {@code admin} realm (issuer
 * {@code <public-url>/realms/admin}, verified offline like any other, RFC 9068 §4), issued to
 * client {@code arbor-admin} (RFC 9068 §2.2 {@code client_id}) with scope {@code arbor:admin}.
 * No valid token: 401; a valid token without that grant: 403 (RFC 6750 §3.1).
 */
@ApplicationScoped
public class AdminAuthorization {
    static final String ADMIN_REALM = "admin";
    static final String ADMIN_CLIENT = "arbor-admin";
    static final String ADMIN_SCOPE = "arbor:admin";

    private final AccessTokenVerifier verifier;

    public AdminAuthorization(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Uni<Void> require(String authorization) {
        return Uni.createFrom().deferred(() -> verifier.verify(ADMIN_REALM, BearerToken.from(authorization)))
                .onFailure(OAuth2Exception.class).transform(e -> unauthorized())
                .map(claims -> {
                    if (!ADMIN_CLIENT.equals(string(claims, "client_id"))
                            || !Scopes.parse(string(claims, "scope")).contains(ADMIN_SCOPE)) {
                        throw new ProblemException(Problem.of(403, "Forbidden",
                                "The token does not grant " + ADMIN_SCOPE + "."),
                                "Bearer error=\"insufficient_scope\", scope=\"" + ADMIN_SCOPE + "\"");
                    }
                    return null;
                });
    }

    private static ProblemException unauthorized() {
        return new ProblemException(Problem.of(401, "Unauthorized",
                "A valid access token of the admin realm is required."), "Bearer error=\"invalid_token\"");
    }

    private static String string(JwtClaims claims, String name) {
        return claims.getClaimValue(name) instanceof String s ? s : null;
    }
}
