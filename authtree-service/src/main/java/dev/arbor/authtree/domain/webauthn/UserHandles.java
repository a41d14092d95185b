package dev.arbor.authtree.domain.webauthn;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;

/**
 * An account's WebAuthn user handle (L3 §5.4.3 {@code user.id}): the 16 bytes of its identity id. Opaque, stable,
 * no personal data, well under the 64-byte limit, and the same for every credential of the account, so a
 * discoverable credential's {@code userHandle} names the account directly.
 */
public final class UserHandles {
    private UserHandles() {
    }

    public static byte[] of(UUID subject) {
        return ByteBuffer.allocate(16).putLong(subject.getMostSignificantBits())
                .putLong(subject.getLeastSignificantBits()).array();
    }

    /** The identity id in a user handle; empty when it is not one of ours (wrong length). */
    public static Optional<UUID> subject(byte[] userHandle) {
        if (userHandle == null || userHandle.length != 16) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(userHandle);
        return Optional.of(new UUID(b.getLong(), b.getLong()));
    }
}
