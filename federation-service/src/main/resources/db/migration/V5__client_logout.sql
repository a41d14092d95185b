-- Logout registrations of a client (docs/guides/logout.md): OpenID Connect RP-Initiated Logout 1.0 §3.1
-- post_logout_redirect_uris, Front-Channel Logout 1.0 §2 and Back-Channel Logout 1.0 §2.2 URIs and
-- whether the RP needs iss/sid with them.
ALTER TABLE client
    ADD COLUMN post_logout_redirect_uris text[] NOT NULL DEFAULT '{}',
    ADD COLUMN frontchannel_logout_uri text,
    ADD COLUMN frontchannel_logout_session_required boolean NOT NULL DEFAULT false,
    ADD COLUMN backchannel_logout_uri text,
    ADD COLUMN backchannel_logout_session_required boolean NOT NULL DEFAULT false;
