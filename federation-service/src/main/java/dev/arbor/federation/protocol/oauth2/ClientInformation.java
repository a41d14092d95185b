package dev.arbor.federation.protocol.oauth2;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.RegisteredClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 7591 §3.2.1 client information response, extended by RFC 7592 §3: the client's id and
 * {@code client_id_issued_at}, its secret only in the response that issued it (Arbor keeps only its
 * keyed hash), {@code client_secret_expires_at} 0 (secrets do not expire), the registration access
 * token and {@code registration_client_uri}, then the registered metadata.
 */
final class ClientInformation {
    private ClientInformation() {
    }

    static Map<String, Object> of(RegisteredClient registered, Optional<String> issuedSecret,
                                  String registrationAccessToken, String registrationClientUri, ObjectMapper json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("client_id", registered.client().clientId());
        issuedSecret.ifPresent(secret -> out.put("client_secret", secret));
        out.put("client_id_issued_at", registered.issuedAt().getEpochSecond());
        if (registered.client().tokenEndpointAuthMethod().usesSecret()) {
            out.put("client_secret_expires_at", 0);
        }
        out.put("registration_access_token", registrationAccessToken);
        out.put("registration_client_uri", registrationClientUri);
        out.putAll(ClientMetadata.of(registered.client(), registered.applicationType()).toJson(json));
        return out;
    }
}
