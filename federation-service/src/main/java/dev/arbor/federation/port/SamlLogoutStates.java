package dev.arbor.federation.port;

import dev.arbor.federation.domain.saml2.SamlLogoutState;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Optional;

/** SAML Single Logouts in progress, by the random id the browser carries as RelayState; shared by every replica. */
public interface SamlLogoutStates {

    Uni<Void> save(String id, SamlLogoutState state, Duration lifetime);

    Uni<Optional<SamlLogoutState>> find(String id);

    Uni<Void> delete(String id);
}
