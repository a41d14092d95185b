package dev.arbor.federation.protocol.oauth2;

import java.util.regex.Pattern;

/** RFC 6750 §2.1 — the {@code Authorization: Bearer <token>} request header field. */
public final class BearerToken {
    /** b64token of RFC 6750 §2.1. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private BearerToken() {
    }

    /** @throws OAuth2Exception 401 without error code when there is no bearer token; invalid_token when malformed */
    public static String from(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw OAuth2Exception.missingToken();
        }
        String token = authorization.substring(7).trim();
        if (!B64TOKEN.matcher(token).matches()) {
            throw OAuth2Exception.invalidToken("the token is malformed");
        }
        return token;
    }
}
