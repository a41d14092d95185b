package dev.arbor.authtree.domain.realm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which web origins may call a realm's journey API from a browser (a login UI on the customer's own
 * domain). Origins are compared as exact strings after one normalisation ({@code scheme://host[:port]},
 * lower case, default port dropped): no wildcards, no suffix match, no {@code null}. The suite's own public
 * origin (the default UI) is always allowed.
 */
public final class JourneyOrigins {
    private final String ownOrigin;
    private final Set<String> allowed;

    private JourneyOrigins(String ownOrigin, Set<String> allowed) {
        this.ownOrigin = ownOrigin;
        this.allowed = Set.copyOf(allowed);
    }

    /**
     * @param publicUrl the suite's public URL ({@code arbor.public-url})
     * @param origins   the realm's {@code journeyApi.allowedOrigins}
     * @throws IllegalArgumentException naming each entry that is no plain origin
     */
    public static JourneyOrigins of(String publicUrl, List<String> origins) {
        Set<String> allowed = new LinkedHashSet<>();
        List<String> problems = new java.util.ArrayList<>();
        for (String origin : origins) {
            String normal = normalise(origin);
            if (normal == null) {
                problems.add("journeyApi.allowedOrigins: '" + origin + "' is not an origin (scheme://host[:port])");
            } else {
                allowed.add(normal);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String own = normalise(originOf(publicUrl));
        return new JourneyOrigins(own == null ? "" : own, allowed);
    }

    /** Only the suite's own origin. */
    public static JourneyOrigins ownOnly(String publicUrl) {
        return of(publicUrl, List.of());
    }

    /** The suite's own origin (same-origin requests of the default UI). */
    public boolean isOwn(String origin) {
        String normal = normalise(origin);
        return normal != null && normal.equals(ownOrigin);
    }

    /** A cross-origin caller this realm allows (exact match after normalisation). */
    public boolean allowsCrossOrigin(String origin) {
        String normal = normalise(origin);
        return normal != null && allowed.contains(normal);
    }

    public Set<String> allowed() {
        return allowed;
    }

    /** {@code scheme://host[:port]} in lower case without the default port; null for anything else. */
    static String normalise(String origin) {
        if (origin == null || origin.isBlank() || origin.length() > 300 || "null".equals(origin)) {
            return null;
        }
        try {
            URI uri = new URI(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String originOf(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (URISyntaxException | NullPointerException e) {
            return null;
        }
    }
}
