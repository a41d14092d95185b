-- Key rotation (docs/guides/keys.md): one key set per (realm, alg) whose lifecycle is written as
-- timestamps, so every replica derives the same state from the rows and its clock alone:
--   next     now < activates_at                         published in the JWKS, does not sign yet
--   active   activates_at <= now < retired_at (or NULL)  signs
--   retired  retired_at <= now < retired_at + retention  still published, so its tokens verify
-- after that the key leaves the JWKS (the row stays for the audit trail).
ALTER TABLE signing_keys
    ADD COLUMN activates_at timestamptz,
    ADD COLUMN retired_at   timestamptz;

UPDATE signing_keys SET activates_at = created_at;
UPDATE signing_keys SET retired_at = created_at WHERE status = 'retired';

ALTER TABLE signing_keys ALTER COLUMN activates_at SET NOT NULL;
ALTER TABLE signing_keys ADD CONSTRAINT signing_keys_alg CHECK (alg IN ('RS256', 'PS256', 'ES256', 'EdDSA'));

DROP INDEX signing_keys_one_active_per_realm;
ALTER TABLE signing_keys DROP COLUMN status;

-- At most one key per realm and alg that is not yet retired (the current or the next one):
-- replicas racing to create a realm's first key of an alg insert with ON CONFLICT DO NOTHING
-- against it; a rotation retires the current key and inserts its successor in one transaction.
CREATE UNIQUE INDEX signing_keys_one_current_per_realm_alg ON signing_keys (realm, alg) WHERE retired_at IS NULL;
