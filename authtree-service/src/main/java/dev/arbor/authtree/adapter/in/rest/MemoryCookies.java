package dev.arbor.authtree.adapter.in.rest;

import dev.arbor.authtree.config.ArborConfig;
import dev.arbor.authtree.domain.memory.NodeCookies;
import dev.arbor.authtree.domain.memory.PresentedMemory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The cookies of per-node memory on the journey API: reads the {@code arbor_session} cookie and the node
 * cookies a journey start carries, and writes the node cookies of a success. On https a node cookie is
 * {@code __Host-}-prefixed and {@code Secure} (RFC 6265bis §4.1.3.2: set only by this origin, Path=/), and
 * only the prefixed name is believed; always {@code HttpOnly}, and {@code SameSite} as the realm's
 * {@code ui.cookies} says ({@code Lax}, or {@code None; Secure} for a login UI on another site).
 */
@ApplicationScoped
public class MemoryCookies {
    static final String HOST_PREFIX = "__Host-";
    private static final int MAX_COOKIES = 32;
    private static final int MAX_VALUE = 8 * 1024;

    private final boolean secure;
    private final RealmCookieSites sites;

    public MemoryCookies(ArborConfig config, RealmCookieSites sites) {
        this.secure = config.publicUrl().toLowerCase(Locale.ROOT).startsWith("https:");
        this.sites = sites;
    }

    PresentedMemory presented(Map<String, Cookie> cookies) {
        if (cookies == null || cookies.isEmpty()) {
            return PresentedMemory.NONE;
        }
        Cookie session = cookies.get(JourneyResponses.COOKIE);
        String prefix = (secure ? HOST_PREFIX : "") + NodeCookies.PREFIX;
        Map<String, String> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, Cookie> c : cookies.entrySet()) {
            String value = c.getValue().getValue();
            if (c.getKey().startsWith(prefix) && value != null && !value.isBlank() && value.length() <= MAX_VALUE
                    && nodes.size() < MAX_COOKIES) {
                nodes.put(c.getKey().substring(secure ? HOST_PREFIX.length() : 0), value);
            }
        }
        return new PresentedMemory(session == null ? null : session.getValue(), nodes);
    }

    /** The Set-Cookie value of one node cookie; Max-Age is the result's remaining lifetime. */
    String setCookie(String realm, NodeCookies.NodeCookie cookie) {
        long maxAge = Math.max(1, cookie.maxAge().toSeconds());
        return (secure ? HOST_PREFIX : "") + cookie.name() + "=" + cookie.value() + "; Max-Age=" + maxAge
                + "; Path=/; HttpOnly; " + sites.of(realm).attributes(secure);
    }
}
