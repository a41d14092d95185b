package dev.arbor.federation.adapter.in.rest;

import dev.arbor.federation.protocol.oidc.LogoutRequest;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTML of the end-session endpoint: the confirmation form (RP-Initiated Logout 1.0 §2), the
 * signed-out page with one front-channel iframe per participant (Front-Channel Logout 1.0 §3), and the
 * error page. No script at all; each page's Content-Security-Policy names exactly the origins it needs.
 */
final class LogoutPages {
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,4}");
    /** How long the signed-out page waits for the front-channel iframes before it moves on (seconds). */
    static final int FRONTCHANNEL_WAIT_SECONDS = 2;

    private LogoutPages() {
    }

    static String confirm(String action, LogoutRequest request, String csrfToken) {
        StringBuilder hidden = new StringBuilder();
        hidden(hidden, LogoutResource.CSRF_FIELD, csrfToken);
        request.client().ifPresent(c -> hidden(hidden, "client_id", c.clientId()));
        request.postLogoutRedirectUri().ifPresent(uri -> hidden(hidden, "post_logout_redirect_uri", uri));
        request.state().ifPresent(s -> hidden(hidden, "state", s));
        request.uiLocales().ifPresent(l -> hidden(hidden, "ui_locales", l));
        String who = request.client().map(c -> c.name() == null ? c.clientId() : c.name())
                .map(n -> "<p>" + escape(n) + " asks to sign you out.</p>").orElse("");
        return page(request.uiLocales(), "Sign out", """
                <h1>Sign out?</h1>%s
                <form method="post" action="%s">%s<button type="submit">Sign out</button></form>
                """.formatted(who, escape(action), hidden));
    }

    static String signedOut(List<String> frontchannelUris, Optional<String> continueTo, Optional<String> uiLocales) {
        StringBuilder frames = new StringBuilder();
        frontchannelUris.forEach(uri -> frames.append("<iframe src=\"").append(escape(uri))
                .append("\" width=\"0\" height=\"0\" hidden title=\"sign-out\"></iframe>\n"));
        String next = continueTo.map(uri -> "<p><a href=\"" + escape(uri) + "\">Continue</a></p>").orElse("");
        String refresh = continueTo.map(uri -> "<meta http-equiv=\"refresh\" content=\"" + FRONTCHANNEL_WAIT_SECONDS
                + ";url=" + escape(uri) + "\">").orElse("");
        return page(uiLocales, "Signed out", refresh, "<h1>You are signed out</h1>\n" + next + frames);
    }

    static String error(String message) {
        return page(Optional.empty(), "Sign-out error", "<h1>Sign-out error</h1><p>" + escape(message) + "</p>");
    }

    /** No script, no styles, no plugins; frames only from {@code frameOrigins}; forms only to this origin. */
    static String csp(Set<String> frameOrigins, Set<String> formTargets) {
        return "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "frame-src " + (frameOrigins.isEmpty() ? "'none'" : String.join(" ", frameOrigins)) + "; "
                // Chrome applies form-action to the redirect that follows the POST as well
                + "form-action 'self'" + (formTargets.isEmpty() ? "" : " " + String.join(" ", formTargets));
    }

    /** The origins (scheme://host[:port]) of absolute URIs; anything unparsable is left out. */
    static Set<String> origins(List<String> uris) {
        Set<String> origins = new LinkedHashSet<>();
        for (String uri : uris) {
            try {
                URI parsed = new URI(uri);
                if (parsed.getScheme() != null && parsed.getHost() != null) {
                    origins.add(parsed.getScheme().toLowerCase() + "://" + parsed.getHost().toLowerCase()
                            + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort()));
                }
            } catch (Exception e) {
                // not a URI: no origin to allow
            }
        }
        return origins;
    }

    private static String page(Optional<String> uiLocales, String title, String body) {
        return page(uiLocales, title, "", body);
    }

    private static String page(Optional<String> uiLocales, String title, String head, String body) {
        // ui_locales (OIDC Core §3.1.2.1): the first tag, when well-formed, is the page's language
        String lang = uiLocales.map(l -> l.trim().split("\\s+")[0]).filter(t -> LANGUAGE_TAG.matcher(t).matches())
                .orElse("en");
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s</title>%s</head>
                <body>%s</body></html>
                """.formatted(escape(lang), escape(title), head, body);
    }

    private static void hidden(StringBuilder out, String name, String value) {
        out.append("<input type=\"hidden\" name=\"").append(escape(name)).append("\" value=\"")
                .append(escape(value)).append("\">");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
