package dev.arbor.authtree.port;

import java.util.UUID;

/** Keyed hash of a recovery code (HMAC under a server-side pepper), bound to the realm and identity. */
public interface RecoveryCodeHasher {
    byte[] hash(String realm, UUID subject, String normalizedCode);
}
