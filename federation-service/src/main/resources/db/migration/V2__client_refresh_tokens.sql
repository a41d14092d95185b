-- Per-client refresh-token lifetimes (RFC 9700 §4.14.2), in seconds; NULL: token-service's default.
ALTER TABLE client
    ADD COLUMN refresh_token_idle_lifetime_seconds     bigint CHECK (refresh_token_idle_lifetime_seconds > 0),
    ADD COLUMN refresh_token_absolute_lifetime_seconds bigint CHECK (refresh_token_absolute_lifetime_seconds > 0);
