-- authtree-service: realms, identities (Argon2id PHC hashes) and versioned trees.
CREATE TABLE IF NOT EXISTS authtree.realms (
    name text PRIMARY KEY
);

CREATE TABLE authtree.identities (
    id            uuid PRIMARY KEY,
    realm         text        NOT NULL REFERENCES authtree.realms (name),
    username      text        NOT NULL,
    password_hash text        NOT NULL,
    claims        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (realm, username)
);

CREATE TABLE authtree.trees (
    realm      text    NOT NULL REFERENCES authtree.realms (name),
    name       text    NOT NULL,
    version    integer NOT NULL,
    is_default boolean NOT NULL DEFAULT false,
    definition jsonb   NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (realm, name, version)
);
