package dev.arbor.federation.protocol.oauth2;

import java.util.List;
import java.util.Map;

/**
 * What each scope lets a client have, in words for the consent page (English; the default UI shows
 * its own translation when it has one, keyed by the scope's name). OIDC Core §5.4 for the standard
 * scopes; any other scope is shown by name.
 */
public final class ScopeDescriptions {
    private static final Map<String, String> KNOWN = Map.of(
            "openid", "Sign you in and know who you are",
            "profile", "Your name and username",
            "email", "Your email address and whether it is verified",
            "address", "Your postal address",
            "phone", "Your phone number and whether it is verified",
            "offline_access", "Keep access while you are away");

    private ScopeDescriptions() {
    }

    /** @param description null for a scope without one */
    public record Described(String name, String description) {
    }

    public static List<Described> describe(List<String> scopes) {
        return scopes.stream().map(s -> new Described(s, KNOWN.get(s))).toList();
    }
}
