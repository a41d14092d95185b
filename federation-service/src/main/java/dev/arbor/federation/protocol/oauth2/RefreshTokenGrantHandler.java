package dev.arbor.federation.protocol.oauth2;

import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.federation.port.TokenGateway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RFC 6749 §6 — Refreshing an Access Token. The token endpoint has authenticated (or, for a public
 * client, identified) the client and checked it may use {@code refresh_token}. Public clients are
 * allowed: token-service rotates the refresh token on every use and revokes the family when a used
 * one comes back (RFC 9700 §4.14.2), which is what makes refresh tokens safe in a browser.
 *
 * <p>token-service checks that the token was issued to this client, that it is neither used, revoked
 * nor expired, and that {@code scope} only narrows the original grant (§6: "MUST NOT include any
 * scope not originally granted"); its errors ({@code invalid_grant}, {@code invalid_scope}) are
 * passed through.
 */
@ApplicationScoped
public class RefreshTokenGrantHandler implements GrantHandler {
    public static final String GRANT_TYPE = "refresh_token";

    private final TokenGateway tokens;

    public RefreshTokenGrantHandler(TokenGateway tokens) {
        this.tokens = tokens;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public Uni<TokenResponse> handle(TokenRequest request) {
        String refreshToken = request.required("refresh_token");
        return tokens.refreshTokens(RefreshTokensRequest.newBuilder()
                        .setRealm(request.realm())
                        .setIssuer(request.issuer())
                        .setClientId(request.client().clientId())
                        .setRefreshToken(refreshToken)
                        .addAllScopes(Scopes.parse(request.parameter("scope")))
                        .setPolicy(TokenPolicies.of(request.client()))
                        .build())
                .map(TokenResults::toResponse);
    }
}
