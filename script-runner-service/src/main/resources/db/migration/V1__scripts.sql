-- Scripts users plug into journeys, one row per version. A published version is immutable:
-- a change is a new version (the importer never rewrites a published row).
CREATE TABLE scripts (
    realm      text        NOT NULL,
    name       text        NOT NULL,
    version    integer     NOT NULL CHECK (version > 0),
    status     text        NOT NULL CHECK (status IN ('draft', 'published')),
    source     text        NOT NULL,
    outcomes   text[]      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (realm, name, version)
);

-- DescribeScript with version 0: the highest published version of (realm, name).
CREATE INDEX scripts_latest_published ON scripts (realm, name, version DESC) WHERE status = 'published';
