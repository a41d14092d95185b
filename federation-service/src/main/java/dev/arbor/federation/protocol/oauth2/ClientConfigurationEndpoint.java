package dev.arbor.federation.protocol.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ClientSecrets;
import dev.arbor.federation.domain.RegisteredClient;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.RegisteredClients;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * RFC 7592 §2 — the client configuration endpoint: a self-registered client reads (§2.1), replaces
 * (§2.2) or deletes (§2.3) its registration with its registration access token. The token is
 * compared in constant time with the hash stored for that client only, so it opens no other client;
 * a token that does not match, or a client that is gone, is 401 {@code invalid_token} (§2.1).
 * Clients of the realm YAML or the admin API have no registration access token and are not
 * reachable here. The token is not rotated: every response carries the one presented.
 */
@ApplicationScoped
public class ClientConfigurationEndpoint {
    private static final Logger LOG = Logger.getLogger(ClientConfigurationEndpoint.class);
    /** The client ids of the admin API and of registration (UUIDs) both fit this. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private final ClientRepository clients;
    private final RegisteredClients registrations;
    private final ClientRegistrationEndpoint registration;
    private final ClientSecretHasher hasher;
    private final ObjectMapper json;

    public ClientConfigurationEndpoint(ClientRepository clients, RegisteredClients registrations,
                                       ClientRegistrationEndpoint registration, ClientSecretHasher hasher,
                                       ObjectMapper json) {
        this.clients = clients;
        this.registrations = registrations;
        this.registration = registration;
        this.hasher = hasher;
        this.json = json;
    }

    /** §2.1 — the client information response, without the secret (only its hash is kept). */
    public Uni<Map<String, Object>> read(String realm, String clientId, String authorization) {
        String token = BearerToken.from(authorization);
        return authorize(realm, clientId, token)
                .map(current -> ClientInformation.of(current, Optional.empty(), token, uri(realm, clientId), json));
    }

    /**
     * §2.2 — replaces every metadata value with the request's (an omitted one is removed or defaulted).
     * {@code client_id} must be the client's; {@code client_secret}, when sent, must be its secret and is
     * never replaced by the client's choice. A client that moves to a secret method gets a new secret,
     * shown in this response only.
     */
    public Uni<Map<String, Object>> replace(String realm, String clientId, String authorization, String body) {
        String token = BearerToken.from(authorization);
        return authorize(realm, clientId, token).chain(current -> {
            JsonNode root = ClientMetadataReader.object(body, json);
            JsonNode sentId = root.get("client_id");
            if (sentId == null || !sentId.isTextual() || !sentId.asText().equals(clientId)) {
                throw ClientMetadataReader.metadataError("client_id must be present and be this client's id");
            }
            JsonNode sentSecret = root.get("client_secret");
            if (sentSecret != null && !sentSecret.isNull() && !(sentSecret.isTextual()
                    && hasher.matches(sentSecret.asText(), current.client().secretHash()))) {
                throw ClientMetadataReader.metadataError("client_secret is not this client's secret");
            }
            return clients.registrationPolicy(realm).chain(policy -> {
                ClientMetadata metadata = ClientMetadataReader.read(root, policy);
                boolean secretMethod = metadata.method().usesSecret();
                Optional<String> newSecret = secretMethod && current.client().secretHash().isEmpty()
                        ? Optional.of(ClientSecrets.generate()) : Optional.empty();
                Optional<String> secretHash = secretMethod
                        ? newSecret.map(hasher::hash).or(() -> current.client().secretHash()) : Optional.empty();
                RegisteredClient replaced = current.with(metadata.toClient(realm, clientId, secretHash),
                        metadata.applicationType());
                return registrations.replace(replaced)
                        .onFailure(ClientChangePublisher.NotPropagated.class).transform(e -> {
                            LOG.warnf("client %s of realm %s was updated but its client.changed was not acknowledged",
                                    clientId, realm);
                            return OAuth2Exception.temporarilyUnavailable(
                                    "the update is stored but not every server knows it yet; send it again");
                        })
                        .map(done -> {
                            if (!done) {
                                throw invalidToken();
                            }
                            return ClientInformation.of(replaced, newSecret, token, uri(realm, clientId), json);
                        });
            });
        });
    }

    /** §2.3 — removes the client; its registration access token dies with it. */
    public Uni<Void> delete(String realm, String clientId, String authorization) {
        String token = BearerToken.from(authorization);
        return authorize(realm, clientId, token)
                .chain(current -> registrations.delete(realm, clientId))
                // the row is gone; other replicas drop their copy when the cache TTL passes at the latest
                .onFailure(ClientChangePublisher.NotPropagated.class).recoverWithItem(e -> {
                    LOG.warnf("client %s of realm %s was deleted but its client.changed was not acknowledged; "
                            + "other replicas keep it up to the client cache TTL", clientId, realm);
                    return true;
                })
                .map(done -> {
                    if (!done) {
                        throw invalidToken();
                    }
                    LOG.infof("deleted self-registered client %s of realm %s", clientId, realm);
                    return null;
                });
    }

    private Uni<RegisteredClient> authorize(String realm, String clientId, String token) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            // no client has such an id; it never reaches the database (a NUL byte would fail the query)
            return Uni.createFrom().failure(invalidToken());
        }
        return registrations.find(realm, clientId).map(found -> {
            if (!hasher.matches(token, found.map(RegisteredClient::registrationAccessTokenHash))) {
                throw invalidToken();
            }
            return found.get();
        });
    }

    private String uri(String realm, String clientId) {
        return registration.registrationClientUri(realm, clientId);
    }

    private static OAuth2Exception invalidToken() {
        return OAuth2Exception.invalidToken("the registration access token is not valid for this client");
    }
}
