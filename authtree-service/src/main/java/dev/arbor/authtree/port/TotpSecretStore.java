package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.totp.TotpSecret;
import java.util.Optional;
import java.util.UUID;

/** Each identity's enrolled TOTP secret, encrypted at rest by the implementation. */
public interface TotpSecretStore {
    Optional<TotpSecret> find(String realm, UUID identityId);

    /** Enrols {@code secret} for the identity, replacing any earlier one. */
    void save(String realm, UUID identityId, TotpSecret secret);
}
