-- Organisations and their API keys (SPEC §5). Keys are stored only as hashes.

CREATE TABLE organisation (
    id         text PRIMARY KEY,
    name       text        NOT NULL,
    sector     text        NOT NULL,
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- key_hash: lowercase hex SHA-256 of the whole key as issued (the keys are 256-bit random values, so a
-- fast hash is safe). The dashboard-service reads this table to check read keys.
CREATE TABLE api_key (
    key_hash        text PRIMARY KEY,
    organisation_id text        NOT NULL REFERENCES organisation (id),
    scope           text        NOT NULL CHECK (scope IN ('INGEST', 'READ')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);

CREATE INDEX api_key_organisation ON api_key (organisation_id);
