-- Authorization-endpoint rules per client: the response modes it may use (NULL: all of query,
-- fragment, form_post, web_message) and whether it must push its authorization requests first
-- (RFC 9126 §6, require_pushed_authorization_requests).
ALTER TABLE client
    ADD COLUMN response_modes text[],
    ADD COLUMN require_pushed_authorization_requests boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT client_response_modes_known CHECK (response_modes IS NULL
        OR response_modes <@ ARRAY['query', 'fragment', 'form_post', 'web_message']::text[]);
