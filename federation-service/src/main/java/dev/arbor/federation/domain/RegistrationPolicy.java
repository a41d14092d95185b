package dev.arbor.federation.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A realm's rules for dynamic client registration: its {@link RegistrationMode} and the most a
 * registered client may ask for. RFC 7591 §5 lets anyone who can register choose their own metadata,
 * so the scopes and grant types are bounded here by the operator, not by the client: a self-registered
 * client must not award itself a scope a resource server trusts.
 */
public record RegistrationPolicy(RegistrationMode mode, List<String> scopes, List<String> grantTypes) {
    /** Grant types Arbor implements (the same list the admin API and realm YAML accept). */
    public static final Set<String> GRANT_TYPES = Set.of("authorization_code", "client_credentials", "refresh_token");
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");
    public static final List<String> DEFAULT_GRANT_TYPES = List.of("authorization_code", "refresh_token");
    /** A realm that says nothing: registration is closed. */
    public static final RegistrationPolicy CLOSED = new RegistrationPolicy(RegistrationMode.CLOSED, DEFAULT_SCOPES,
            DEFAULT_GRANT_TYPES);

    public RegistrationPolicy {
        Objects.requireNonNull(mode, "mode");
        scopes = List.copyOf(scopes);
        grantTypes = List.copyOf(grantTypes);
        for (String grant : grantTypes) {
            if (!GRANT_TYPES.contains(grant)) {
                throw new IllegalArgumentException("registration.grantTypes has unknown grant type " + grant);
            }
        }
    }
}
