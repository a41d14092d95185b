-- authtree-service: recovery codes (RecoveryCodeRegistration / RecoveryCodeDecision).
-- Only HMAC-SHA256 of each code under a server-side pepper is stored, never the code. A code is used by one
-- UPDATE ... SET used_at = now() WHERE used_at IS NULL RETURNING, so it works once even across replicas.
-- Registering again deletes the identity's whole set.
CREATE TABLE authtree.recovery_codes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    identity_id uuid        NOT NULL REFERENCES authtree.identities (id) ON DELETE CASCADE,
    code_hash   bytea       NOT NULL CHECK (octet_length(code_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz
);

CREATE INDEX recovery_codes_unused ON authtree.recovery_codes (identity_id) WHERE used_at IS NULL;
