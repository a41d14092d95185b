-- The JWS alg of a client's access and ID tokens (docs/guides/keys.md): the client's own choice,
-- else its realm's default, else token-service's default (RS256). NULL means "not set here".
ALTER TABLE realm ADD COLUMN token_signing_alg text
    CONSTRAINT realm_token_signing_alg_known CHECK (token_signing_alg IN ('RS256', 'PS256', 'ES256', 'EdDSA'));

ALTER TABLE client ADD COLUMN token_signing_alg text
    CONSTRAINT client_token_signing_alg_known CHECK (token_signing_alg IN ('RS256', 'PS256', 'ES256', 'EdDSA'));
