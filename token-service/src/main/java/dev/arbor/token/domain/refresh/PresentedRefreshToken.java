package dev.arbor.token.domain.refresh;

/** A stored refresh token with its family: what a presented token turned out to be. */
public record PresentedRefreshToken(StoredRefreshToken token, RefreshTokenFamily family) {
}
