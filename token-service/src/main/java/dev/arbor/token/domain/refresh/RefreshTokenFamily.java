package dev.arbor.token.domain.refresh;

import dev.arbor.token.domain.token.EndUser;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every refresh token that descends from one authorization code (RFC 9700 §4.14.2): bound to the
 * client and the original grant (RFC 6749 §6: the scope may be narrowed, never widened), to the end
 * user's authentication (OIDC Core §12.2: a refreshed ID token keeps {@code sub}, {@code auth_time},
 * {@code acr}, {@code amr}) and to an absolute end.
 *
 * @param scopes    the scope originally granted
 * @param revokedAt present once the family is revoked: none of its refresh tokens is accepted again
 */
public record RefreshTokenFamily(String id, String realm, String clientId, EndUser endUser, List<String> scopes,
        Instant createdAt, Instant absoluteExpiresAt, Optional<Instant> revokedAt) {

    public RefreshTokenFamily {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(endUser, "endUser");
        scopes = List.copyOf(scopes);
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(absoluteExpiresAt);
    }

    /** RFC 6749 §6: "MUST NOT include any scope not originally granted by the resource owner". */
    public boolean grants(List<String> requested) {
        return scopes.containsAll(requested);
    }
}
