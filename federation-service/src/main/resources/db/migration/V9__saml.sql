-- SAML 2.0 (protocol/saml2): the realm's own key pairs and the service providers registered in it.

-- One row per key pair. The private key (PKCS#8 DER) is sealed with AES-256-GCM under
-- arbor.federation.saml-key-encryption-key: a fresh 96-bit nonce per key, the AAD binds the ciphertext
-- to realm|use|key_id so a row cannot be moved to another realm or use. The certificate is public.
-- state: 'current' signs/decrypts now (at most one per realm and use, enforced by the partial index,
-- so two replicas generating at once end up with one key); 'published' is listed in metadata beside
-- the current one during a rollover; 'retired' is kept for the record only.
CREATE TABLE saml_key (
    key_id              text PRIMARY KEY,
    realm               text NOT NULL,
    key_use             text NOT NULL CHECK (key_use IN ('signing', 'encryption')),
    certificate         bytea NOT NULL,
    private_key_nonce   bytea NOT NULL CHECK (octet_length(private_key_nonce) = 12),
    private_key_sealed  bytea NOT NULL,
    state               text NOT NULL DEFAULT 'current' CHECK (state IN ('current', 'published', 'retired')),
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX saml_key_one_current ON saml_key (realm, key_use) WHERE state = 'current';

-- A service provider: its metadata as imported (endpoints and keys are read from it) and Arbor's
-- settings for it (ServiceProviderSettings as JSON, every field explicit).
CREATE TABLE saml_service_provider (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    realm         text NOT NULL REFERENCES realm (name) ON DELETE CASCADE,
    entity_id     text NOT NULL,
    name          text NOT NULL,
    metadata_xml  text NOT NULL,
    settings      jsonb NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT saml_service_provider_realm_entity_id_key UNIQUE (realm, entity_id)
);
