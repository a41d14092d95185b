-- How each client authenticates (OIDC Core §9, RFC 7591 §2 token_endpoint_auth_method) and, for
-- private_key_jwt (RFC 7523 §2.2), its public JWK Set. A confidential client now has a secret only
-- when it authenticates with one.
ALTER TABLE client
    ADD COLUMN token_endpoint_auth_method text,
    ADD COLUMN jwks text;

UPDATE client SET token_endpoint_auth_method = CASE type WHEN 'public' THEN 'none' ELSE 'client_secret_basic' END;

ALTER TABLE client
    ALTER COLUMN token_endpoint_auth_method SET NOT NULL,
    DROP CONSTRAINT client_secret_iff_confidential,
    ADD CONSTRAINT client_auth_method_known CHECK (token_endpoint_auth_method IN
        ('client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none')),
    ADD CONSTRAINT client_none_iff_public CHECK ((type = 'public') = (token_endpoint_auth_method = 'none')),
    ADD CONSTRAINT client_secret_iff_secret_method CHECK (
        (token_endpoint_auth_method IN ('client_secret_basic', 'client_secret_post')) = (secret_hash IS NOT NULL)),
    ADD CONSTRAINT client_jwks_iff_private_key_jwt CHECK ((token_endpoint_auth_method = 'private_key_jwt') = (jwks IS NOT NULL));
