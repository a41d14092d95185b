package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.port.ClientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * RFC 6749 §2.3 — client authentication at the token, introspection (RFC 7662 §2.1) and revocation
 * (RFC 7009 §2.1) endpoints. The request names its method by what it carries: an HTTP Basic header
 * ({@link ClientSecretBasicAuthenticator}), {@code client_secret} in the body
 * ({@link ClientSecretPostAuthenticator}), a {@code client_assertion} ({@link PrivateKeyJwtAuthenticator},
 * RFC 7523 §2.2) or only {@code client_id} ({@code none}: a public client identifies itself, §3.2.1).
 * More than one method is {@code invalid_request} (§2.3: "MUST NOT use more than one"); a method
 * other than the client's registered one, like any other failure, is 401 {@code invalid_client}
 * that never says whether the client exists.
 */
@ApplicationScoped
public class ClientAuthenticator {
    private static final Logger LOG = Logger.getLogger(ClientAuthenticator.class);

    private final ClientRepository clients;
    private final ClientSecretBasicAuthenticator basic;
    private final ClientSecretPostAuthenticator post;
    private final PrivateKeyJwtAuthenticator privateKeyJwt;

    public ClientAuthenticator(ClientRepository clients, ClientSecretBasicAuthenticator basic,
                               ClientSecretPostAuthenticator post, PrivateKeyJwtAuthenticator privateKeyJwt) {
        this.clients = clients;
        this.basic = basic;
        this.post = post;
        this.privateKeyJwt = privateKeyJwt;
    }

    public Uni<Client> authenticate(String realm, String authorization, Map<String, String> form) {
        boolean byBasic = ClientSecretBasicAuthenticator.presented(authorization);
        boolean byPost = ClientSecretPostAuthenticator.presented(form);
        boolean byAssertion = PrivateKeyJwtAuthenticator.presented(form);
        if ((byBasic ? 1 : 0) + (byPost ? 1 : 0) + (byAssertion ? 1 : 0) > 1) {
            throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST)
                    .withDescription("use one client authentication method only");
        }
        if (byBasic) {
            return basic.authenticate(realm, authorization, form.get("client_id"));
        }
        if (byAssertion) {
            return privateKeyJwt.authenticate(realm, form);
        }
        if (byPost) {
            return post.authenticate(realm, form);
        }
        return publicClient(realm, form.get("client_id"));
    }

    /** {@code none}: only a public client may identify itself without proof. */
    private Uni<Client> publicClient(String realm, String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            throw OAuth2Exception.invalidClient(false);
        }
        return clients.findClient(realm, clientId).map(found -> found.filter(Client::isPublic).orElseThrow(() -> {
            LOG.infof("client authentication failed in realm %s for client %s: no credentials from a client "
                    + "that is unknown or not public", realm, LogText.of(clientId));
            return OAuth2Exception.invalidClient(false);
        }));
    }
}
