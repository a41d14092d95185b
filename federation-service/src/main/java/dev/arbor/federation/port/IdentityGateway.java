package dev.arbor.federation.port;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Optional;

/** authtree-service: the standard claims (OIDC Core §5.1) of an identity. */
public interface IdentityGateway {
    Uni<Optional<Map<String, String>>> claims(String realm, String subject);
}
