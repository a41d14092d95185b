package dev.arbor.federation.domain;

import java.util.Locale;

/**
 * How a client authenticates at the token, introspection and revocation endpoints: the registered
 * values of OIDC Dynamic Client Registration §2 {@code token_endpoint_auth_method} (OIDC Core §9,
 * RFC 7591 §2). A client may only use the family of its registered method: the two secret methods
 * are interchangeable (the same secret, sent in a header or the body), an assertion is never taken
 * from a secret client and a secret never from an assertion client.
 */
public enum TokenEndpointAuthMethod {
    /** RFC 6749 §2.3.1 — the secret in HTTP Basic. */
    CLIENT_SECRET_BASIC,
    /** RFC 6749 §2.3.1 — the secret in the request body. */
    CLIENT_SECRET_POST,
    /** RFC 7523 §2.2 — a JWT signed with the client's private key, checked against its registered JWK Set. */
    PRIVATE_KEY_JWT,
    /** A public client: it only identifies itself (RFC 6749 §3.2.1). */
    NONE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean usesSecret() {
        return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
    }

    /** The method a client of this type gets when it registers none. */
    public static TokenEndpointAuthMethod defaultFor(ClientType type) {
        return type == ClientType.PUBLIC ? NONE : CLIENT_SECRET_BASIC;
    }

    /** @throws IllegalArgumentException when the text is none of the four registered values */
    public static TokenEndpointAuthMethod of(String value) {
        if (value != null) {
            for (TokenEndpointAuthMethod method : values()) {
                if (method.value().equals(value)) {
                    return method;
                }
            }
        }
        throw new IllegalArgumentException("tokenEndpointAuthMethod must be one of client_secret_basic, "
                + "client_secret_post, private_key_jwt, none");
    }
}
