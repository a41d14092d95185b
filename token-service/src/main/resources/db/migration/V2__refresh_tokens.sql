-- Refresh tokens (RFC 6749 §1.5, §6) rotated on every use; a family is every refresh token that
-- descends from one authorization code (RFC 9700 §4.14.2). A token is stored only as the SHA-256 of
-- its 256 random bits, base64url: a leak of this table yields nothing that can be redeemed.
CREATE TABLE refresh_token_families (
    id                  uuid        PRIMARY KEY,
    realm               text        NOT NULL,
    client_id           text        NOT NULL,
    subject             text        NOT NULL,
    session_id          text        NOT NULL DEFAULT '',
    -- the scope of the original grant; a refresh may narrow it for its access token, never widen it
    scopes              text[]      NOT NULL,
    auth_time           bigint      NOT NULL DEFAULT 0,
    acr                 text        NOT NULL DEFAULT '',
    amr                 text[]      NOT NULL DEFAULT '{}',
    -- the profile claims released to the client at login, copied into each refreshed ID token
    claims              jsonb       NOT NULL DEFAULT '{}',
    created_at          timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    revoked_at          timestamptz
);

CREATE TABLE refresh_tokens (
    hash                    text        PRIMARY KEY,
    family_id               uuid        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    issued_at               timestamptz NOT NULL,
    idle_expires_at         timestamptz NOT NULL,
    -- set exactly once, by the one UPDATE ... WHERE used_at IS NULL that redeems the token
    used_at                 timestamptz,
    -- the access token issued together with this refresh token, revoked with the family
    access_token_jti        text        NOT NULL,
    access_token_expires_at timestamptz NOT NULL
);

CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_token_families_absolute_expiry ON refresh_token_families (absolute_expires_at);
