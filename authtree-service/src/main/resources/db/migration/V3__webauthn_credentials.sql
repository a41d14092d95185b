-- authtree-service: WebAuthn credentials (passkeys and security keys), W3C WebAuthn Level 3 §4 "credential record".
-- A credential id is unique within a realm: registering the same id for a second account is refused (W10),
-- by the relying party's lookupAll check and, as a backstop against a race, by this constraint.
CREATE TABLE authtree.webauthn_credentials (
    realm                text        NOT NULL REFERENCES authtree.realms (name),
    credential_id        bytea       NOT NULL CHECK (octet_length(credential_id) BETWEEN 1 AND 1023),
    user_handle          bytea       NOT NULL,
    subject              uuid        NOT NULL REFERENCES authtree.identities (id) ON DELETE CASCADE,
    public_key_cose      bytea       NOT NULL,
    sign_count           bigint      NOT NULL DEFAULT 0,
    transports           text[]      NOT NULL DEFAULT '{}',
    backup_eligible      boolean     NOT NULL DEFAULT false,
    backup_state         boolean     NOT NULL DEFAULT false,
    aaguid               bytea,
    nickname             text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    last_used_at         timestamptz,
    -- set once an assertion carried a signature counter not above the stored one (a possible clone, §6.1.1)
    sign_count_regressed boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (realm, credential_id)
);

CREATE INDEX webauthn_credentials_by_subject ON authtree.webauthn_credentials (realm, subject);
CREATE INDEX webauthn_credentials_by_user_handle ON authtree.webauthn_credentials (realm, user_handle);
