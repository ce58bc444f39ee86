-- Questionnaire links (the hosted form): an organisation hands a link to its employees or customers; whoever has it
-- may fill in that one instrument for that one organisation until it expires or is revoked. Like keys, a link's
-- token is stored only as its SHA-256; the id names the link for listing and revoking.
CREATE TABLE questionnaire_link (
    id              text PRIMARY KEY,
    token_hash      text        NOT NULL UNIQUE,
    organisation_id text        NOT NULL REFERENCES organisation (id),
    instrument      text        NOT NULL,
    unit            text,
    ask_role        boolean     NOT NULL DEFAULT false,
    touchpoint      text,
    language        text CHECK (language IN ('en', 'nl')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz
);

CREATE INDEX questionnaire_link_organisation ON questionnaire_link (organisation_id, created_at);
