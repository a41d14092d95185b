package dev.arbor.token.domain.refresh;

import dev.arbor.token.domain.revocation.AccessTokenId;
import java.time.Instant;
import java.util.Optional;

/**
 * One refresh token of a family, as stored: its hash, when it stops being accepted unused, whether it
 * was used, and the access token issued together with it (revoked with the family).
 */
public record StoredRefreshToken(String hash, String familyId, Instant issuedAt, Instant idleExpiresAt,
        Optional<Instant> usedAt, AccessTokenId accessToken) {

    public StoredRefreshToken {
        usedAt = usedAt == null ? Optional.empty() : usedAt;
    }

    public boolean isUsed() {
        return usedAt.isPresent();
    }

    public boolean isIdleExpiredAt(Instant now) {
        return !now.isBefore(idleExpiresAt);
    }
}
