package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authorization responses by redirect with {@code response_mode=query} (RFC 6749 §4.1.2 and
 * §4.1.2.1), each carrying {@code iss} (RFC 9207 §2) so the client can detect mix-up attacks.
 */
public final class AuthorizationResponses {
    private AuthorizationResponses() {
    }

    /** RFC 6749 §4.1.2 — {@code code}, {@code state} (when the client sent one), {@code iss}. */
    public static ProtocolResponse code(String redirectUri, String code, String state, String issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        putIfPresent(params, "state", state);
        params.put("iss", issuer);
        return new ProtocolResponse.Redirect(append(redirectUri, params));
    }

    /** RFC 6749 §4.1.2.1 — {@code error}, {@code error_description}, {@code state}, {@code iss}. */
    public static ProtocolResponse error(String redirectUri, ProtocolError error, String state, String issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.code());
        putIfPresent(params, "error_description", error.description());
        putIfPresent(params, "state", state);
        params.put("iss", issuer);
        return new ProtocolResponse.Redirect(append(redirectUri, params));
    }

    /** RFC 6749 §3.1.2 — the redirect URI's own query is kept; parameters are added to it. */
    static String append(String uri, Map<String, String> params) {
        StringBuilder out = new StringBuilder(uri);
        int hash = uri.indexOf('#');
        if (hash >= 0) {
            out.setLength(hash); // a fragment is not allowed in a redirect URI (§3.1.2); never propagate one
        }
        char separator = out.indexOf("?") >= 0 ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            out.append(separator).append(RealmUrls.encode(e.getKey())).append('=').append(RealmUrls.encode(e.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.put(name, value);
        }
    }
}
