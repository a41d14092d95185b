-- Dynamic client registration (OpenID Connect Dynamic Client Registration 1.0, RFC 7591, RFC 7592;
-- docs/guides/dynamic-registration.md).

-- Per realm, from its YAML `registration:` section: who may register (closed: nobody; initial-access-token:
-- whoever holds one of the realm's initial access tokens; open: anyone) and what a registered client may get.
ALTER TABLE realm
    ADD COLUMN registration_mode text NOT NULL DEFAULT 'closed'
        CONSTRAINT realm_registration_mode_known CHECK (registration_mode IN ('closed', 'initial-access-token', 'open')),
    ADD COLUMN registration_scopes text[] NOT NULL DEFAULT '{openid,profile,email}',
    ADD COLUMN registration_grant_types text[] NOT NULL DEFAULT '{authorization_code,refresh_token}';

-- RFC 7591 §3 initial access tokens, issued through the admin API. Only HMAC-SHA256(pepper, token) is kept;
-- `uses` is raised by one UPDATE guarded by expiry and max_uses, so concurrent registrations cannot overspend.
CREATE TABLE initial_access_token (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    realm       text NOT NULL REFERENCES realm (name) ON DELETE CASCADE,
    token_hash  text NOT NULL CONSTRAINT initial_access_token_hash_key UNIQUE,
    expires_at  timestamptz NOT NULL,
    max_uses    integer NOT NULL CHECK (max_uses > 0),
    uses        integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT initial_access_token_uses_bounded CHECK (uses >= 0 AND uses <= max_uses)
);
CREATE INDEX initial_access_token_expires_at ON initial_access_token (expires_at);

-- What RFC 7592 needs of a dynamically registered client beyond the client itself: its registration access
-- token (HMAC only), when its id was issued and its OIDC application_type. Clients from realm YAML or the admin
-- API have no row here and cannot be managed through the client configuration endpoint.
CREATE TABLE client_registration (
    id                              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    realm                           text NOT NULL,
    client_id                       text NOT NULL,
    application_type                text NOT NULL CHECK (application_type IN ('web', 'native')),
    registration_access_token_hash  text NOT NULL,
    issued_at                       timestamptz NOT NULL,
    CONSTRAINT client_registration_client_key UNIQUE (realm, client_id),
    CONSTRAINT client_registration_client_fkey FOREIGN KEY (realm, client_id)
        REFERENCES client (realm, client_id) ON DELETE CASCADE
);
