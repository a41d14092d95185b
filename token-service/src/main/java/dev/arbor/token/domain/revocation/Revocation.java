package dev.arbor.token.domain.revocation;

import dev.arbor.token.domain.Strings;
import java.time.Instant;
import java.util.Objects;

/**
 * A revoked access token (RFC 7009 §2): addressed by its {@code jti} (RFC 9068 §2.2), kept until its
 * {@code exp}, after which every verifier refuses the token for having expired anyway.
 *
 * @param clientId the client the token was issued to (its {@code client_id} claim)
 */
public record Revocation(String realm, String jti, String clientId, Instant expiresAt) {

    /** A jti Arbor issues is 22 characters; anything much longer is not ours and is refused. */
    static final int MAX_JTI_LENGTH = 256;

    public Revocation {
        if (Strings.isBlank(realm)) {
            throw new IllegalArgumentException("realm is required");
        }
        if (Strings.isBlank(jti) || jti.length() > MAX_JTI_LENGTH) {
            throw new IllegalArgumentException("jti is required (at most " + MAX_JTI_LENGTH + " characters)");
        }
        clientId = Strings.orEmpty(clientId);
        Objects.requireNonNull(expiresAt, "expires_at is required");
    }
}
