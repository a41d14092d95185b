package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** RFC 6749 §2.3.1 {@code client_secret_post}: {@code client_id} and {@code client_secret} in the body. */
@ApplicationScoped
public class ClientSecretPostAuthenticator {
    private final ClientSecretVerifier secrets;

    public ClientSecretPostAuthenticator(ClientSecretVerifier secrets) {
        this.secrets = secrets;
    }

    static boolean presented(Map<String, String> form) {
        return form.containsKey("client_secret");
    }

    public Uni<Client> authenticate(String realm, Map<String, String> form) {
        String clientId = form.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            throw OAuth2Exception.invalidClient(false);
        }
        return secrets.verify(realm, clientId, form.get("client_secret"), false);
    }
}
