package dev.arbor.federation.protocol.oauth2;

import io.smallrye.mutiny.Uni;

/**
 * One OAuth 2.0 grant (RFC 6749 §4): the token endpoint picks the handler whose
 * {@link #grantType()} equals the request's {@code grant_type}. The client is already
 * authenticated and allowed to use the grant. A handler fails its {@code Uni} with an
 * {@link OAuth2Exception} for protocol errors.
 */
public interface GrantHandler {
    /** The {@code grant_type} value it handles, e.g. {@code authorization_code}. */
    String grantType();

    Uni<TokenResponse> handle(TokenRequest request);
}
