package dev.arbor.ui.domain;

import java.util.Locale;
import java.util.Map;

/**
 * The response headers every ui-server page carries. The pages hold no inline script or style, so the
 * Content-Security-Policy allows only same-origin files, and the login page may never be framed
 * (clickjacking) or post a form anywhere but back to this origin.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'");

    /** On every response. */
    public static final Map<String, String> ALWAYS = Map.of(
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff");

    /**
     * RFC 6797 HSTS, on responses that went out over https (TLS here, or at the proxy in front:
     * {@code X-Forwarded-Proto: https}); a browser ignores it over plain http (§8.1), so local runs are
     * unaffected. One year, subdomains included, as the HSTS preload list asks.
     */
    public static final Map<String, String> HTTPS_ONLY = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains");

    /** On HTML documents only: the pages are not fingerprinted yet, so they are never cached. */
    public static final Map<String, String> HTML_ONLY = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Cache-Control", "no-store");

    private SecurityHeaders() {}

    /** Whether a response with this Content-Type is an HTML document. */
    public static boolean isHtml(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("text/html");
    }
}
