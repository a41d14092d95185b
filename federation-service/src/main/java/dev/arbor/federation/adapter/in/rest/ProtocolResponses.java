package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.domain.ProtocolResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Puts a {@link ProtocolResponse} on the wire: a 303 (RFC 9110 §15.4.4), a 302, a form post or an HTML error page. */
final class ProtocolResponses {
    private ProtocolResponses() {
    }

    static Response toHttp(ProtocolResponse response) {
        return switch (response) {
            case ProtocolResponse.Redirect r -> Response.status(Response.Status.SEE_OTHER)
                    .header("Location", r.location())
                    .header("Cache-Control", "no-store")
                    .build();
            // SAML Bindings §3.6.5.1: no caching of what carries an artifact; the artifact is not sent on as a referrer
            case ProtocolResponse.Found f -> Response.status(Response.Status.FOUND)
                    .header("Location", f.location())
                    .header("Cache-Control", "no-cache, no-store")
                    .header("Pragma", "no-cache")
                    .header("Referrer-Policy", "no-referrer")
                    .build();
            // RFC 9700 §4.16 and §4.2.4: an error page may not be framed and sends no referrer (its URL
            // is the authorization request, state and all); it runs no script, loads nothing, posts nowhere
            case ProtocolResponse.ErrorPage p -> Response.status(p.status())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store")
                    .header("Content-Security-Policy",
                            "default-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .entity(html(p.message()))
                    .build();
            case ProtocolResponse.FormPost f -> page(formPost(f), "form-action " + formTarget(f.action()), f.script());
            case ProtocolResponse.WebMessage w -> page(webMessage(w), "form-action 'none'", w.script());
        };
    }

    /**
     * A page that finishes an authorization response by script: never cached or framed, no referrer,
     * and no script but the one same-origin file ({@code script-src} names it exactly), so no inline
     * script, nonce or hash is needed.
     */
    private static Response page(String body, String formAction, String script) {
        String csp = "default-src 'none'; script-src " + script + "; " + formAction
                + "; frame-ancestors 'none'; base-uri 'none'";
        return Response.ok(body)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header("Content-Security-Policy", csp)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .build();
    }

    /** OAuth 2.0 Form Post Response Mode §2, with a button for browsers without script. */
    private static String formPost(ProtocolResponse.FormPost f) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Signing in</title>
                <script src="%s" defer></script></head>
                <body><form id="arbor-form-post" method="post" action="%s">
                %s<noscript><p>Script is off: continue to the application.</p><button type="submit">Continue</button></noscript>
                </form></body></html>
                """.formatted(escape(f.script()), escape(f.action()), hiddenInputs(f.parameters()));
    }

    private static String webMessage(ProtocolResponse.WebMessage w) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Signing in</title>
                <script src="%s" defer></script></head>
                <body><div id="arbor-web-message" data-origin="%s" hidden>
                %s</div>
                <p id="arbor-no-opener" hidden>This page answers a sign-in popup, but no window opened it.                 Close it and sign in again from the application.</p>
                <noscript><p>Signing in in a popup needs script.</p></noscript></body></html>
                """.formatted(escape(w.script()), escape(w.targetOrigin()), hiddenInputs(w.response()));
    }

    private static String hiddenInputs(java.util.Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> out.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">\n"));
        return out.toString();
    }

    /** CSP form-action source: the redirect URI's origin (http/https) or its scheme (a native app's). */
    private static String formTarget(String action) {
        String scheme = java.net.URI.create(action).getScheme().toLowerCase(java.util.Locale.ROOT);
        return "http".equals(scheme) || "https".equals(scheme)
                ? dev.arbor.federation.protocol.oauth2.AuthorizationResponses.origin(action) : scheme + ":";
    }

    private static String html(String message) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head>
                <body><h1>Sign-in error</h1><p>%s</p></body></html>
                """.formatted(escape(message));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
