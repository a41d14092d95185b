package dev.arbor.token.domain.token;

import dev.arbor.token.domain.TokenResult;
import dev.arbor.token.domain.key.SigningAlgorithm;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §4.4 — Client Credentials Grant. The caller (federation) has authenticated the client
 * and checked the scopes against its registration; the token is the client's own, so {@code sub} is
 * the client id (RFC 9068 §2.2) and there is no ID token.
 */
public final class ClientCredentialsGrant {

    private final TokenIssuer issuer;

    public ClientCredentialsGrant(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** @throws IllegalArgumentException when realm, issuer or client id is missing: a malformed call */
    public CompletionStage<TokenResult> issue(String realm, String issuerUrl, String clientId, List<String> scopes,
            long accessTokenLifetimeSeconds) {
        return issue(realm, issuerUrl, clientId, scopes, accessTokenLifetimeSeconds, SigningAlgorithm.DEFAULT);
    }

    /** The token signed with the realm's key of {@code alg}. */
    public CompletionStage<TokenResult> issue(String realm, String issuerUrl, String clientId, List<String> scopes,
            long accessTokenLifetimeSeconds, SigningAlgorithm alg) {
        TokenRequest request = new TokenRequest(realm, issuerUrl, clientId, scopes, "", null,
                accessTokenLifetimeSeconds);
        return issuer.issue(request, alg).thenApply(TokenResult::issued);
    }
}
