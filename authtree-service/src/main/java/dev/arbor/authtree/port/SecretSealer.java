package dev.arbor.authtree.port;

import java.util.Optional;

/** Seals small secrets (a TOTP secret) so they can sit in a database row or journey state unreadable. */
public interface SecretSealer {
    String seal(byte[] secret);

    /** Empty when {@code sealed} was not sealed with this service's key or was altered. */
    Optional<byte[]> open(String sealed);
}
