package dev.arbor.federation.protocol.oidc;

import dev.arbor.federation.domain.ProtocolRequest;
import java.util.List;

/**
 * OIDC Core §5.5.1.1 — {@code acr} asked for as an essential claim with {@code value} or {@code values}:
 * the authentication must have been one of them (the tree of the first one runs, as for
 * {@code acr_values}). Unlike {@code acr_values}, which is voluntary, an unmet essential acr is an
 * error ({@code unmet_authentication_requirements}, OpenID Connect Core Unmet Authentication
 * Requirements 1.0), and an SSO session of another acr does not answer the request.
 */
public final class EssentialAcr {
    private EssentialAcr() {
    }

    /** The acr values the request makes essential; empty when it makes none. */
    public static List<String> of(ProtocolRequest request) {
        try {
            ClaimsRequest.Requested acr = ClaimsRequest.parse(request.parameter("claims")).idToken().get("acr");
            return acr != null && acr.essential() ? acr.values() : List.of();
        } catch (IllegalArgumentException e) {
            return List.of(); // refused at the authorization endpoint; a flow never holds a malformed one
        }
    }

    /** Whether an authentication with {@code acr} meets the request's essential acr, if any. */
    public static boolean isMetBy(ProtocolRequest request, String acr) {
        List<String> required = of(request);
        return required.isEmpty() || (acr != null && required.contains(acr));
    }
}
