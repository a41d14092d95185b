package dev.arbor.federation.protocol.oauth2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arbor.contracts.token.v1.Tokens;

/**
 * RFC 6749 §5.1 — a successful access token response (OIDC Core §3.1.3.3 adds id_token);
 * {@code refresh_token} is present when the client may use the refresh_token grant (§1.5, §6).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn,
                            @JsonProperty("id_token") String idToken,
                            @JsonProperty("scope") String scope,
                            @JsonProperty("refresh_token") String refreshToken) {

    public static TokenResponse of(Tokens tokens) {
        String type = tokens.getTokenType().isEmpty() ? "Bearer" : tokens.getTokenType();
        return new TokenResponse(tokens.getAccessToken(), type, tokens.getExpiresIn(), tokens.getIdToken(),
                tokens.getScope(), tokens.getRefreshToken());
    }

    /** The tokens are bearer credentials: never in a log line. */
    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope
                + ", idToken=" + (idToken != null && !idToken.isEmpty())
                + ", refreshToken=" + (refreshToken != null && !refreshToken.isEmpty()) + "]";
    }
}
