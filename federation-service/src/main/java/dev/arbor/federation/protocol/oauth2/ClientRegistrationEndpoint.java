package dev.arbor.federation.protocol.oauth2;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.domain.ClientSecrets;
import dev.arbor.federation.domain.RegisteredClient;
import dev.arbor.federation.domain.RegistrationPolicy;
import dev.arbor.federation.port.ClientChangePublisher;
import dev.arbor.federation.port.ClientRepository;
import dev.arbor.federation.port.InitialAccessTokens;
import dev.arbor.federation.port.RegisteredClients;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * RFC 7591 §3 — the client registration endpoint (also OpenID Connect Dynamic Client Registration
 * 1.0 §3). Who may register is the realm's {@link dev.arbor.federation.domain.RegistrationMode}:
 * closed (403 {@code access_denied}), an initial access token as a bearer token (RFC 6750; missing
 * 401, unknown, expired or used up 401 {@code invalid_token}), or open. The metadata is checked
 * before a use of the token is counted, so a request refused as invalid does not spend it.
 *
 * <p>Arbor chooses the {@code client_id} (a random UUID), a 256-bit secret for the two secret methods
 * and a 256-bit registration access token (RFC 7592 §3); the last two are shown once and kept only as
 * keyed hashes ({@link ClientSecretHasher}).
 */
@ApplicationScoped
public class ClientRegistrationEndpoint {
    private static final Logger LOG = Logger.getLogger(ClientRegistrationEndpoint.class);

    private final ClientRepository clients;
    private final RegisteredClients registrations;
    private final InitialAccessTokens initialAccessTokens;
    private final ClientSecretHasher hasher;
    private final RealmUrls urls;
    private final ObjectMapper json;
    private final Clock clock;

    public ClientRegistrationEndpoint(ClientRepository clients, RegisteredClients registrations,
                                      InitialAccessTokens initialAccessTokens, ClientSecretHasher hasher, RealmUrls urls,
                                      ObjectMapper json, Clock clock) {
        this.clients = clients;
        this.registrations = registrations;
        this.initialAccessTokens = initialAccessTokens;
        this.hasher = hasher;
        this.urls = urls;
        this.json = json;
        this.clock = clock;
    }

    /** The client information response of the new client (RFC 7591 §3.2.1), to be sent with 201. */
    public Uni<Map<String, Object>> register(String realm, String authorization, String body) {
        return clients.registrationPolicy(realm).chain(policy -> {
            Optional<String> initialAccessToken = admission(policy, authorization);
            ClientMetadata metadata = ClientMetadataReader.read(body, json, policy);
            return initialAccessToken.map(token -> spend(realm, token)).orElseGet(() -> Uni.createFrom().voidItem())
                    .chain(() -> store(realm, metadata));
        });
    }

    /** The initial access token the mode asks for, or empty when none is needed. */
    private static Optional<String> admission(RegistrationPolicy policy, String authorization) {
        return switch (policy.mode()) {
            case CLOSED -> throw OAuth2Exception.accessDenied("dynamic client registration is closed in this realm");
            case INITIAL_ACCESS_TOKEN -> Optional.of(BearerToken.from(authorization));
            case OPEN -> Optional.empty();
        };
    }

    private Uni<Void> spend(String realm, String initialAccessToken) {
        return initialAccessTokens.consume(realm, hasher.hash(initialAccessToken), clock.instant()).map(counted -> {
            if (!counted) {
                throw OAuth2Exception.invalidToken("the initial access token is unknown, expired or used up");
            }
            return null;
        });
    }

    private Uni<Map<String, Object>> store(String realm, ClientMetadata metadata) {
        String clientId = UUID.randomUUID().toString();
        Optional<String> secret = metadata.method().usesSecret() ? Optional.of(ClientSecrets.generate()) : Optional.empty();
        String registrationAccessToken = ClientSecrets.generate();
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RegisteredClient registered = new RegisteredClient(metadata.toClient(realm, clientId, secret.map(hasher::hash)),
                metadata.applicationType(), hasher.hash(registrationAccessToken), issuedAt);
        return registrations.register(registered)
                // a new random id cannot be in another replica's cache yet: not being told is harmless here
                .onFailure(ClientChangePublisher.NotPropagated.class).recoverWithItem(e -> {
                    LOG.warnf("client %s of realm %s is registered but its client.changed was not acknowledged",
                            clientId, realm);
                    return true;
                })
                .map(created -> {
                    if (!created) {
                        throw new IllegalStateException("a freshly generated client id is taken");
                    }
                    LOG.infof("registered client %s in realm %s (%s, %s)", clientId, realm,
                            metadata.applicationType().value(), metadata.method().value());
                    return ClientInformation.of(registered, secret, registrationAccessToken,
                            registrationClientUri(realm, clientId), json);
                });
    }

    /** RFC 7592 §2 — where the client reads, updates and deletes its registration. */
    public String registrationClientUri(String realm, String clientId) {
        return urls.endpoint(realm, "oauth2/register/" + clientId);
    }
}
