package dev.arbor.federation.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a registered redirect URI must be. RFC 6749 §3.1.2: absolute, without a fragment. RFC 9700
 * §2.1 / RFC 6749 §3.1.2.1: the response travels over TLS, so plain {@code http} is accepted only for
 * a loopback host (RFC 8252 §7.3, native apps; {@code localhost} too, for local development). Other
 * schemes (a native app's private-use scheme, RFC 8252 §7.1) are left to the client.
 */
public final class RedirectUriRules {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUriRules() {
    }

    /** Why {@code uri} may not be registered as a redirect URI, or empty when it may. */
    public static Optional<String> problem(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("is malformed");
        }
        if (!parsed.isAbsolute() || parsed.getRawFragment() != null) {
            return Optional.of("is not absolute or has a fragment");
        }
        if ("http".equalsIgnoreCase(parsed.getScheme())) {
            String host = parsed.getHost();
            if (host == null || !LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
                return Optional.of("uses http on a host that is not loopback: use https");
            }
        }
        return Optional.empty();
    }
}
