package dev.arbor.token.domain.revocation;

import java.time.Instant;

/** What identifies an issued access token for a later revocation: its {@code jti} and {@code exp}. */
public record AccessTokenId(String jti, Instant expiresAt) {
}
