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
