package dev.arbor.federation.domain;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser origins a realm's back-channel endpoints (token, userinfo, revocation) answer CORS for:
 * the origins of the registered redirect URIs of the realm's <em>public</em> clients. A single-page app
 * redeems its code from the page its redirect URI names, so that page's origin is the one that calls;
 * a confidential client's back end is no browser and needs no CORS. Nothing is configured twice: the
 * allow-list follows the client registrations.
 *
 * <p>Origins are RFC 6454 §6.2 serialisations ({@code scheme://host[:port]}, lower case, default port
 * left out) — the form a browser sends in {@code Origin} — and are compared exactly. Only {@code http}
 * and {@code https} redirect URIs have an origin a browser would send; a native app's custom scheme
 * has none.
 */
public record BrowserOrigins(Set<String> origins) {
    public static final BrowserOrigins NONE = new BrowserOrigins(Set.of());

    public BrowserOrigins {
        origins = Set.copyOf(origins);
    }

    /** The origins of the public clients' redirect URIs. */
    public static BrowserOrigins of(Collection<Client> clients) {
        return new BrowserOrigins(clients.stream()
                .filter(Client::isPublic)
                .flatMap(c -> c.redirectUris().stream())
                .map(BrowserOrigins::originOf)
                .flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether a request's {@code Origin} header names one of them (exact, case-sensitive as sent). */
    public boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }

    /** RFC 6454 §6.2 — the serialised origin of an http(s) URI; empty for any other URI. */
    public static Optional<String> originOf(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
            return Optional.empty();
        }
        int port = parsed.getPort();
        boolean defaultPort = port < 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        return Optional.of(scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
