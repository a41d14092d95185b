package dev.arbor.federation.domain;

import java.util.Map;
import java.util.Objects;

/**
 * A protocol's front-channel request reduced to what the core needs, plus the protocol's own
 * parameters (kept opaque to the core, given back to the adapter to render the response).
 *
 * @param clientId    the relying party
 * @param responseTo  where the protocol response goes (OAuth: redirect_uri; SAML: ACS URL)
 * @param tree        the authentication tree asked for; empty = the realm's default
 * @param forceLogin  an existing SSO session does not count (OIDC prompt=login, SAML ForceAuthn)
 * @param passive     the user must not be prompted: no session means failure (OIDC prompt=none, SAML IsPassive)
 * @param maxAgeSeconds an existing session counts only if authenticated at most this long ago; null = any age
 * @param parameters  the protocol's parameters
 */
public record ProtocolRequest(String clientId, String responseTo, String tree, boolean forceLogin, boolean passive,
                              Long maxAgeSeconds, Map<String, String> parameters) {
    public ProtocolRequest {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(responseTo, "responseTo");
        tree = tree == null ? "" : tree;
        parameters = Map.copyOf(parameters);
    }

    /** Whether an SSO session authenticated at {@code authTime} satisfies this request at {@code now} (epoch s). */
    public boolean acceptsExistingSession(long authTime, long now) {
        return !forceLogin && (maxAgeSeconds == null || authTime >= now - maxAgeSeconds);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }
}
