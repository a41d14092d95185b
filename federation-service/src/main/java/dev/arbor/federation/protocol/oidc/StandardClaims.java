package dev.arbor.federation.protocol.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OIDC Core §5.4 — which standard claims each scope releases. This skeleton knows {@code profile}
 * (the name claims) and {@code email}; anything else the identity holds stays unreleased.
 */
public final class StandardClaims {
    public static final List<String> PROFILE = List.of("name", "given_name", "family_name", "preferred_username");
    public static final List<String> EMAIL = List.of("email", "email_verified");
    /** OIDC Core §5.1 — the standard claims a client may ask for one by one (§5.5); nothing else is released so. */
    public static final List<String> REQUESTABLE = List.of("name", "given_name", "family_name", "middle_name",
            "nickname", "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
            "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at");
    private static final Set<String> BOOLEAN_CLAIMS = Set.of("email_verified", "phone_number_verified");

    private StandardClaims() {
    }

    /** The claims of {@code identity} that {@code scopes} release, as strings (as authtree holds them). */
    public static Map<String, String> release(Map<String, String> identity, List<String> scopes) {
        Map<String, String> released = new LinkedHashMap<>();
        if (scopes.contains("profile")) {
            copy(identity, PROFILE, released);
        }
        if (scopes.contains("email")) {
            copy(identity, EMAIL, released);
        }
        return released;
    }

    /**
     * OIDC Core §5.5 — the claims of {@code identity} the scopes release, plus the standard claims named
     * one by one in a claims request (when the identity has them).
     */
    public static Map<String, String> release(Map<String, String> identity, List<String> scopes,
                                              List<String> requested) {
        Map<String, String> released = release(identity, scopes);
        copy(identity, requested.stream().filter(REQUESTABLE::contains).toList(), released);
        return released;
    }

    /** OIDC Core §5.1 types: {@code *_verified} claims are JSON booleans. */
    public static Object jsonValue(String name, String value) {
        return BOOLEAN_CLAIMS.contains(name) ? Boolean.parseBoolean(value) : value;
    }

    private static void copy(Map<String, String> from, List<String> names, Map<String, String> to) {
        for (String name : names) {
            String value = from.get(name);
            if (value != null) {
                to.put(name, value);
            }
        }
    }
}
