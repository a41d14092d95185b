package dev.arbor.federation.protocol.oauth2;

import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.federation.port.TokenGateway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * RFC 6749 §4.4 — Client Credentials Grant. Only confidential clients (§4.4: "MUST only be used
 * by confidential clients"); the requested scope must be a subset of the client's scopes (§3.3),
 * and when it is absent the client's registered scopes are granted.
 */
@ApplicationScoped
public class ClientCredentialsGrantHandler implements GrantHandler {
    public static final String GRANT_TYPE = "client_credentials";

    private final TokenGateway tokens;

    public ClientCredentialsGrantHandler(TokenGateway tokens) {
        this.tokens = tokens;
    }

    @Override
    public String grantType() {
        return GRANT_TYPE;
    }

    @Override
    public Uni<TokenResponse> handle(TokenRequest request) {
        if (request.client().isPublic()) {
            throw OAuth2Exception.of(OAuth2Errors.UNAUTHORIZED_CLIENT)
                    .withDescription("client_credentials is for confidential clients");
        }
        List<String> scopes = Scopes.parse(request.parameter("scope"));
        if (scopes.isEmpty()) {
            scopes = request.client().scopes();
        } else if (!request.client().allowsScopes(scopes)) {
            throw OAuth2Exception.of(OAuth2Errors.INVALID_SCOPE).withDescription("scope not allowed for this client");
        }
        return tokens.issueClientCredentialsToken(IssueClientCredentialsTokenRequest.newBuilder()
                        .setRealm(request.realm())
                        .setIssuer(request.issuer())
                        .setClientId(request.client().clientId())
                        .addAllScopes(scopes)
                        .setPolicy(TokenPolicies.of(request.client()))
                        .build())
                .map(TokenResults::toResponse);
    }
}
