-- SAML key rollover (docs/guides/keys.md, "SAML keys"): the admin API publishes the next key, makes it
-- current, and retires the one it replaced. States:
--   current   signs now (at most one per realm and use: saml_key_one_current, V9)
--   published the next key: in the metadata, never signed yet (at most one per realm and use, below, so
--             two administrators asking for "next" at once get one key and one 409)
--   previous  was current: still in the metadata until retired, so SPs verify what it signed
--   retired   not in the metadata, not used; kept for the record
ALTER TABLE saml_key DROP CONSTRAINT saml_key_state_check;
ALTER TABLE saml_key ADD CONSTRAINT saml_key_state_check
    CHECK (state IN ('current', 'published', 'previous', 'retired'));

ALTER TABLE saml_key ADD COLUMN activated_at timestamptz;
ALTER TABLE saml_key ADD COLUMN deactivated_at timestamptz;
ALTER TABLE saml_key ADD COLUMN retired_at timestamptz;
UPDATE saml_key SET activated_at = created_at WHERE state = 'current';

CREATE UNIQUE INDEX saml_key_one_published ON saml_key (realm, key_use) WHERE state = 'published';
CREATE INDEX saml_key_realm ON saml_key (realm, key_use, state);
