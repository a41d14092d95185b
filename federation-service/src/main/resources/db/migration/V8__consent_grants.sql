-- Consent (docs/guides/consent.md). Per client: whether the user must consent to the scopes it asks for.
ALTER TABLE client
    ADD COLUMN consent_required boolean NOT NULL DEFAULT false;

-- Remembered consents: at most one per realm, subject and client. A request is answered without asking
-- when its scopes are all in `scopes` and `expires_at` lies ahead; revoking deletes the row.
CREATE TABLE consent_grant (
    realm      text        NOT NULL,
    subject    text        NOT NULL,
    client_id  text        NOT NULL,
    scopes     text[]      NOT NULL,
    granted_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (realm, subject, client_id),
    -- a deleted client takes its grants along: one registered later under the same id starts with none
    CONSTRAINT consent_grant_client_fkey FOREIGN KEY (realm, client_id)
        REFERENCES client (realm, client_id) ON DELETE CASCADE,
    CONSTRAINT consent_grant_expires_after_grant CHECK (expires_at > granted_at)
);
