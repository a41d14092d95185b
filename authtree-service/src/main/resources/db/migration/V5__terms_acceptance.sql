-- authtree-service: which version of the terms each identity accepted (TermsAcceptance node).
-- Accepting the same version again keeps the first row (ON CONFLICT DO NOTHING).
CREATE TABLE authtree.terms_acceptances (
    realm       text        NOT NULL REFERENCES authtree.realms (name),
    identity_id uuid        NOT NULL REFERENCES authtree.identities (id) ON DELETE CASCADE,
    version     text        NOT NULL CHECK (length(version) BETWEEN 1 AND 128),
    accepted_at timestamptz NOT NULL,
    PRIMARY KEY (realm, identity_id, version)
);
