package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import java.util.Map;

/**
 * A token request (RFC 6749 §3.2) after client authentication.
 *
 * @param issuer     the realm's issuer identifier
 * @param client     the authenticated (confidential) or identified (public) client
 * @param parameters the form parameters, one value each
 */
public record TokenRequest(String realm, String issuer, Client client, Map<String, String> parameters) {
    public TokenRequest {
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    /** @throws OAuth2Exception {@code invalid_request} when the parameter is missing or empty */
    public String required(String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription(name + " is required");
        }
        return value;
    }
}
