-- authtree-service: tree drafts and version provenance for the admin API, and enrolled TOTP secrets.

-- Where a published version came from: 'yaml' (realm import at start-up) or 'admin' (POST .../publish).
-- Import compares a YAML tree with the latest 'yaml' version only, so an admin-published version is not
-- overwritten at each start-up while the YAML stays the same. Existing rows were all imported.
ALTER TABLE authtree.trees ADD COLUMN source text NOT NULL DEFAULT 'yaml'
    CHECK (source IN ('yaml', 'admin'));

-- At most one draft per tree; publishing turns it into the next immutable version and deletes it.
CREATE TABLE authtree.tree_drafts (
    realm      text        NOT NULL REFERENCES authtree.realms (name),
    name       text        NOT NULL,
    definition jsonb       NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (realm, name)
);

-- One TOTP secret per identity, as a compact JWE (dir + A256GCM), never in clear.
CREATE TABLE authtree.totp_secrets (
    identity_id uuid        PRIMARY KEY REFERENCES authtree.identities (id) ON DELETE CASCADE,
    secret_jwe  text        NOT NULL,
    enrolled_at timestamptz NOT NULL DEFAULT now()
);
