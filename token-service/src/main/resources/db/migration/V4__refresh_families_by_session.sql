-- session.ended revokes every refresh-token family of the session (docs/guides/logout.md): found by sid.
CREATE INDEX refresh_token_families_session ON refresh_token_families (realm, session_id) WHERE revoked_at IS NULL;
