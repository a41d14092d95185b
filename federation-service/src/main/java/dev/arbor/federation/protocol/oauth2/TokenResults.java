package dev.arbor.federation.protocol.oauth2;

import dev.arbor.contracts.token.v1.TokenResult;

/** Maps token-service's {@link TokenResult} to a response or to the OAuth error it carries (RFC 6749 §5.2). */
final class TokenResults {
    private TokenResults() {
    }

    static TokenResponse toResponse(TokenResult result) {
        return switch (result.getResultCase()) {
            case TOKENS -> TokenResponse.of(result.getTokens());
            case ERROR -> throw OAuth2Exception.of(orInvalidGrant(result.getError().getCode()))
                    .withDescription(result.getError().getDescription());
            case RESULT_NOT_SET -> throw OAuth2Exception.of(OAuth2Errors.SERVER_ERROR)
                    .withDescription("the token service gave no result");
        };
    }

    private static String orInvalidGrant(String code) {
        return code == null || code.isEmpty() ? OAuth2Errors.INVALID_GRANT : code;
    }
}
