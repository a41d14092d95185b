package dev.arbor.federation.domain;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * OpenID Connect Dynamic Client Registration 1.0 §2 {@code application_type}: what kind of redirect
 * URIs a dynamically registered client may have. Every URI is absolute and has no fragment
 * (RFC 6749 §3.1.2). Beyond that:
 * <ul>
 *   <li>{@code web} — {@code https}; {@code http} only on a loopback host (development);</li>
 *   <li>{@code native} — RFC 8252 §7: a private-use scheme in reverse-domain form (§7.1, it must
 *       contain a period), a claimed {@code https} URI (§7.2), or {@code http} on a loopback IP
 *       literal or {@code localhost} (§7.3).</li>
 * </ul>
 */
public enum ApplicationType {
    WEB,
    NATIVE;

    /** Schemes that must never be a redirect target, whatever the application claims. */
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "about",
            "blob", "ftp", "ws", "wss");

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when the text is neither {@code web} nor {@code native} */
    public static ApplicationType of(String value) {
        if ("web".equals(value)) {
            return WEB;
        }
        if ("native".equals(value)) {
            return NATIVE;
        }
        throw new IllegalArgumentException("application_type must be web or native");
    }

    /**
     * Why {@code uri} may not be a redirect URI of this kind of client, or empty when it may: the rules every
     * redirect URI follows ({@link RedirectUriRules}), then this kind's own.
     */
    public Optional<String> redirectUriProblem(String uri) {
        Optional<String> common = RedirectUriRules.problem(uri);
        if (common.isPresent()) {
            return common.map(problem -> "redirect URI " + uri + " " + problem);
        }
        URI parsed = URI.create(uri);
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return parsed.getHost() == null ? Optional.of("redirect URI " + uri + " has no host") : Optional.empty();
        }
        if (scheme.equals("http")) {
            return Optional.empty(); // loopback, as the common rules checked
        }
        if (this == WEB) {
            return Optional.of("redirect URI " + uri + " of a web client must use https");
        }
        if (FORBIDDEN_SCHEMES.contains(scheme) || !scheme.contains(".")) {
            return Optional.of("redirect URI " + uri + " needs a private-use scheme in reverse-domain form "
                    + "(e.g. com.example.app:/cb)");
        }
        return Optional.empty();
    }
}
