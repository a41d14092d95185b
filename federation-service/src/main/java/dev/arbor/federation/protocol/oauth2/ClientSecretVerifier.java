package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.port.ClientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * RFC 6749 §2.3.1 — checks a client's id and secret, however they were sent. Only a client that
 * registered a secret method ({@code client_secret_basic} or {@code client_secret_post}) can pass.
 * The keyed hash is computed even for an unknown client, so timing does not tell which ids exist.
 */
@ApplicationScoped
public class ClientSecretVerifier {
    private static final Logger LOG = Logger.getLogger(ClientSecretVerifier.class);

    private final ClientRepository clients;
    private final ClientSecretHasher hasher;
    private final String unknownClientHash;

    public ClientSecretVerifier(ClientRepository clients, ClientSecretHasher hasher) {
        this.clients = clients;
        this.hasher = hasher;
        this.unknownClientHash = hasher.hash(UUID.randomUUID().toString());
    }

    /** The client, or a failed Uni with {@code invalid_client} (a Basic challenge when {@code basic}). */
    public Uni<Client> verify(String realm, String clientId, String secret, boolean basic) {
        return clients.findClient(realm, clientId).map(found -> {
            Optional<Client> secretClient = found.filter(c -> c.tokenEndpointAuthMethod().usesSecret());
            Optional<String> stored = secretClient.flatMap(Client::secretHash).or(() -> Optional.of(unknownClientHash));
            boolean matches = hasher.matches(secret, stored);
            if (secretClient.isEmpty() || !matches) {
                LOG.infof("client authentication failed in realm %s for client %s: %s", realm, LogText.of(clientId),
                        found.isEmpty() ? "unknown client"
                                : secretClient.isEmpty() ? "the client does not authenticate with a secret"
                                : "wrong secret");
                throw OAuth2Exception.invalidClient(basic);
            }
            return secretClient.get();
        });
    }
}
