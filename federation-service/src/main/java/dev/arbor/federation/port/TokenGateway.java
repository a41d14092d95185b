package dev.arbor.federation.port;

import dev.arbor.contracts.token.v1.IssueAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.IssueAuthorizationCodeResponse;
import dev.arbor.contracts.token.v1.IssueClientCredentialsTokenRequest;
import dev.arbor.contracts.token.v1.RedeemAuthorizationCodeRequest;
import dev.arbor.contracts.token.v1.RefreshTokensRequest;
import dev.arbor.contracts.token.v1.TokenResult;
import io.smallrye.mutiny.Uni;

/** token-service: codes, tokens and the realm's public keys (the contract's messages, as they are). */
public interface TokenGateway {
    Uni<IssueAuthorizationCodeResponse> issueAuthorizationCode(IssueAuthorizationCodeRequest request);

    Uni<TokenResult> redeemAuthorizationCode(RedeemAuthorizationCodeRequest request);

    Uni<TokenResult> issueClientCredentialsToken(IssueClientCredentialsTokenRequest request);

    /** RFC 6749 §6: redeems a refresh token once and rotates it (RFC 9700 §4.14.2). */
    Uni<TokenResult> refreshTokens(RefreshTokensRequest request);

    /** The realm's JWK Set (RFC 7517 §5) as JSON text. */
    Uni<String> jwks(String realm);
}
