package dev.arbor.federation.protocol.oauth2;

import dev.arbor.federation.domain.Client;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * RFC 6749 §2.3.1 {@code client_secret_basic}: HTTP Basic (RFC 7617) whose user and password are
 * the form-urlencoded client id and secret. Failures are 401 {@code invalid_client} with a Basic
 * challenge (RFC 6749 §5.2).
 */
@ApplicationScoped
public class ClientSecretBasicAuthenticator {
    private final ClientSecretVerifier secrets;

    public ClientSecretBasicAuthenticator(ClientSecretVerifier secrets) {
        this.secrets = secrets;
    }

    static boolean presented(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** @param bodyClientId a {@code client_id} also sent in the body, which must then name the same client */
    public Uni<Client> authenticate(String realm, String authorization, String bodyClientId) {
        Credentials basic = decode(authorization.substring(6).trim())
                .orElseThrow(() -> OAuth2Exception.invalidClient(true));
        if (bodyClientId != null && !bodyClientId.equals(basic.id())) {
            throw OAuth2Exception.of(OAuth2Errors.INVALID_REQUEST).withDescription("client_id does not match");
        }
        return secrets.verify(realm, basic.id(), basic.secret(), true);
    }

    private static Optional<Credentials> decode(String encoded) {
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
