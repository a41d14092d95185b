-- federation-service: the realms it knows and their relying parties (RFC 6749 §2).
CREATE TABLE realm (
    name          text PRIMARY KEY,
    display_name  text,
    imported_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE client (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    realm          text NOT NULL REFERENCES realm (name) ON DELETE CASCADE,
    client_id      text NOT NULL,
    name           text,
    type           text NOT NULL CHECK (type IN ('public', 'confidential')),
    -- HMAC-SHA256(pepper, secret), base64url; only confidential clients have one
    secret_hash    text,
    redirect_uris  text[] NOT NULL DEFAULT '{}',
    grant_types    text[] NOT NULL DEFAULT '{}',
    scopes         text[] NOT NULL DEFAULT '{}',
    CONSTRAINT client_realm_client_id_key UNIQUE (realm, client_id),
    CONSTRAINT client_secret_iff_confidential CHECK ((type = 'confidential') = (secret_hash IS NOT NULL))
);
