package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.ProtocolError;
import dev.arbor.federation.domain.ProtocolResponse;
import dev.arbor.federation.domain.ResponseMode;
import java.net.URI;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authorization responses (RFC 6749 §4.1.2 and §4.1.2.1), each carrying {@code iss} (RFC 9207 §2) so
 * the client can detect mix-up attacks, in the response mode the client asked for: {@code query}
 * (the default for {@code code}), {@code fragment}, {@code form_post} or {@code web_message}.
 */
public final class AuthorizationResponses {
    private AuthorizationResponses() {
    }

    /** The same-origin script that submits a form_post page and answers a web_message one. */
    public static final String SCRIPT_PATH = "oauth2/assets/authorization-response.js";

    /** RFC 6749 §4.1.2 — {@code code}, {@code state} (when the client sent one), {@code iss}. */
    public static ProtocolResponse code(String redirectUri, String code, String state, String issuer) {
        return code(ResponseMode.QUERY, redirectUri, code, state, issuer);
    }

    public static ProtocolResponse code(ResponseMode mode, String redirectUri, String code, String state,
                                        String issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        putIfPresent(params, "state", state);
        params.put("iss", issuer);
        return render(mode, redirectUri, params, issuer);
    }

    /** RFC 6749 §4.1.2.1 — {@code error}, {@code error_description}, {@code state}, {@code iss}. */
    public static ProtocolResponse error(String redirectUri, ProtocolError error, String state, String issuer) {
        return error(ResponseMode.QUERY, redirectUri, error, state, issuer);
    }

    public static ProtocolResponse error(ResponseMode mode, String redirectUri, ProtocolError error, String state,
                                         String issuer) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.code());
        putIfPresent(params, "error_description", error.description());
        putIfPresent(params, "state", state);
        params.put("iss", issuer);
        return render(mode, redirectUri, params, issuer);
    }

    /**
     * The mode a request's {@code response_mode} names, or {@code query} when it names none, or one
     * this server does not know (errors about the mode itself go back the default way).
     */
    public static ResponseMode modeOf(String responseMode) {
        return ResponseMode.of(responseMode).orElse(ResponseMode.QUERY);
    }

    private static ProtocolResponse render(ResponseMode mode, String redirectUri, Map<String, String> params,
                                           String issuer) {
        String script = issuer + "/" + SCRIPT_PATH;
        return switch (mode) {
            case QUERY -> new ProtocolResponse.Redirect(append(redirectUri, params));
            case FRAGMENT -> new ProtocolResponse.Redirect(fragment(redirectUri, params));
            case FORM_POST -> new ProtocolResponse.FormPost(redirectUri, params, script);
            case WEB_MESSAGE -> new ProtocolResponse.WebMessage(origin(redirectUri), params, script);
        };
    }

    /** Multiple Response Type Encoding Practices §2.1 — the parameters as the URI's fragment. */
    static String fragment(String uri, Map<String, String> params) {
        int hash = uri.indexOf('#');
        StringBuilder out = new StringBuilder(hash < 0 ? uri : uri.substring(0, hash));
        char separator = '#';
        for (Map.Entry<String, String> e : params.entrySet()) {
            out.append(separator).append(RealmUrls.encode(e.getKey())).append('=').append(RealmUrls.encode(e.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    /**
     * RFC 6454 §4 — the serialised origin of a registered redirect URI ({@code scheme://host[:port]},
     * the default port left out): the only {@code targetOrigin} a web_message response is posted to.
     */
    public static String origin(String uri) {
        URI parsed = URI.create(uri);
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        String host = parsed.getHost() == null ? "" : parsed.getHost().toLowerCase(Locale.ROOT);
        int port = parsed.getPort();
        boolean defaultPort = port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
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
