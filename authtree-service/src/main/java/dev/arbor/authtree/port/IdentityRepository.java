package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.identity.Identity;
import java.util.Optional;
import java.util.UUID;

/** Identities of a realm. */
public interface IdentityRepository {
    Optional<Identity> findByUsername(String realm, String username);

    Optional<Identity> findById(String realm, UUID id);

    /** Inserts the identity, or updates hash and claims of the one with the same realm and username. */
    void save(Identity identity);
}
