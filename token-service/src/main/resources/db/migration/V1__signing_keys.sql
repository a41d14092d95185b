-- Signing keys per realm (RFC 7517 JWKs). The private JWK is stored only as a compact JWE
-- (alg dir, enc A256GCM) under the key-encryption key from arbor.token.key-encryption-key.
CREATE TABLE signing_keys (
    kid                   text        PRIMARY KEY,
    realm                 text        NOT NULL,
    alg                   text        NOT NULL,
    public_jwk            text        NOT NULL,
    private_jwk_encrypted text        NOT NULL,
    status                text        NOT NULL CHECK (status IN ('active', 'retired')),
    created_at            timestamptz NOT NULL DEFAULT now()
);

-- At most one active key per realm: replicas that race to create the first key insert with
-- ON CONFLICT DO NOTHING against this index and then re-select the winner.
CREATE UNIQUE INDEX signing_keys_one_active_per_realm ON signing_keys (realm) WHERE status = 'active';

CREATE INDEX signing_keys_realm ON signing_keys (realm);
