package dev.arbor.federation.protocol.oauth2;

import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.federation.port.TokenGateway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * RFC 6749 §4.1.3 — Access Token Request with an authorization code. token-service redeems the
 * code exactly once and checks what it was bound to: client, redirect_uri (§4.1.3) and the PKCE
 * verifier (RFC 7636 §4.6). Its protocol errors (e.g. {@code invalid_grant}) are passed through.
 */
@ApplicationScoped
public class AuthorizationCodeGrantHandler implements GrantHandler {
    public static final String GRANT_TYPE = "authorization_code";

    private final TokenGateway tokens;

    public AuthorizationCodeGrantHandler(TokenGateway tokens) {
        this.tokens = tokens;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public Uni<TokenResponse> handle(TokenRequest request) {
        String code = request.required("code");
        String redirectUri = request.required("redirect_uri");
        String verifier = request.parameter("code_verifier");
        if (request.client().isPublic() && (verifier == null || verifier.isEmpty())) {
            // RFC 7636 §4.5 + this server's rule: public clients always use PKCE
            throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("code_verifier is required");
        }
        return tokens.redeemAuthorizationCode(RedeemAuthorizationCodeRequest.newBuilder()
                        .setRealm(request.realm())
                        .setCode(code)
                        .setClientId(request.client().clientId())
                        .setRedirectUri(redirectUri)
                        .setCodeVerifier(verifier == null ? "" : verifier)
                        .build())
                .map(TokenResults::toResponse);
    }
}
