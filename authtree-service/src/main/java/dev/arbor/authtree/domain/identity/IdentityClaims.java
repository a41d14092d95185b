package dev.arbor.authtree.domain.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/** OIDC Core §5.1 standard claims of an identity: {@code sub}, {@code preferred_username} and the stored ones. */
public final class IdentityClaims {
    private IdentityClaims() {
    }

    public static Map<String, String> of(Identity identity) {
        Map<String, String> claims = new LinkedHashMap<>(identity.claims());
        claims.put("sub", identity.id().toString());
        claims.put("preferred_username", identity.username());
        return claims;
    }
}
