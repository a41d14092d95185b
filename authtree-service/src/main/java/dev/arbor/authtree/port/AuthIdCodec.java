package dev.arbor.authtree.port;

import dev.arbor.authtree.domain.journey.AuthId;
import java.util.Optional;

/** Signs and checks the {@code authId} a step carries. */
public interface AuthIdCodec {
    String encode(AuthId authId);

    /** Empty when the signature is wrong, the token is malformed or it has expired. */
    Optional<AuthId> decode(String token);
}
