package dev.arbor.token.domain;

import dev.arbor.token.domain.token.IssuedTokens;

/**
 * The outcome of a token request: either tokens (RFC 6749 §5.1) or an OAuth error (RFC 6749 §5.2).
 * A protocol error is a normal value, never an exception.
 */
public sealed interface TokenResult {

    record Issued(IssuedTokens tokens) implements TokenResult {
    }

    record Rejected(OAuthError error) implements TokenResult {
    }

    static TokenResult issued(IssuedTokens tokens) {
        return new Issued(tokens);
    }

    static TokenResult rejected(OAuthError error) {
        return new Rejected(error);
    }
}
