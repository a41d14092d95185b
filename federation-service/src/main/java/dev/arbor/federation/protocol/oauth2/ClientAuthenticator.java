package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import dev.arbor.federation.domain.ClientSecretHasher;
import dev.arbor.federation.port.ClientRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * RFC 6749 §2.3 — client authentication at the token endpoint: {@code client_secret_basic}
 * (§2.3.1, HTTP Basic with form-urlencoded id and secret), {@code client_secret_post} (§2.3.1,
 * in the body) or {@code none} for public clients, which only identify themselves (§3.2.1).
 * Any failure is {@code invalid_client}, 401; it never says whether the client exists.
 */
@ApplicationScoped
public class ClientAuthenticator {
    private final ClientRepository clients;
    private final ClientSecretHasher hasher;
    private final String unknownClientHash;

    public ClientAuthenticator(ClientRepository clients, ClientSecretHasher hasher) {
        this.clients = clients;
        this.hasher = hasher;
        this.unknownClientHash = hasher.hash(UUID.randomUUID().toString());
    }

    public Uni<Client> authenticate(String realm, String authorization, Map<String, String> form) {
        String bodyId = form.get("client_id");
        String bodySecret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (bodySecret != null) {
                throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST)
                        .withDescription("use one client authentication method only");
            }
            Credentials basic = decodeBasic(authorization.substring(6).trim())
                    .orElseThrow(() -> OAuth2Exception.invalidClient(true));
            if (bodyId != null && !bodyId.equals(basic.id())) {
                throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("client_id does not match");
            }
            return confidential(realm, basic, true);
        }
        if (bodyId == null || bodyId.isEmpty()) {
            throw OAuth2Exception.invalidClient(false);
        }
        if (bodySecret != null) {
            return confidential(realm, new Credentials(bodyId, bodySecret), false);
        }
        return clients.findClient(realm, bodyId).map(found -> found
                .filter(Client::isPublic)
                .orElseThrow(() -> OAuth2Exception.invalidClient(false)));
    }

    private Uni<Client> confidential(String realm, Credentials credentials, boolean basic) {
        return clients.findClient(realm, credentials.id()).map(found -> {
            // compute the HMAC even for an unknown client, so timing does not tell which client ids exist
            Optional<String> stored = found.filter(c -> !c.isPublic()).flatMap(Client::secretHash)
                    .or(() -> Optional.of(unknownClientHash));
            boolean matches = hasher.matches(credentials.secret(), stored);
            return found.filter(c -> matches && !c.isPublic())
                    .orElseThrow(() -> OAuth2Exception.invalidClient(basic));
        });
    }

    private static Optional<Credentials> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Credentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Credentials(String id, String secret) {
    }
}
