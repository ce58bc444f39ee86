-- The views the survey-service and the scoring-service publish for readers (SPEC §1), written once as the reader
-- sees them: their names and columns, as stand-in tables. The dashboard-service's tests create and fill these
-- stand-ins instead of running the owners' migrations and writing the owners' tables; each owner's tests check
-- that its real views have exactly these columns. Neither side can change the contract without the other's tests
-- noticing.

CREATE TABLE survey.credential_view (
    key_hash        text PRIMARY KEY,
    organisation_id text NOT NULL,
    scope           text NOT NULL
);

CREATE TABLE survey.organisation_view (
    id     text PRIMARY KEY,
    active boolean NOT NULL,
    name   text NOT NULL,
    sector text NOT NULL DEFAULT 'OTHER'
);

CREATE TABLE scoring.bucket_view (
    organisation_id text     NOT NULL,
    instrument      text     NOT NULL,
    day             date     NOT NULL,
    channel         text     NOT NULL,
    touchpoint      text     NOT NULL,
    sums            bigint[] NOT NULL
);

CREATE TABLE scoring.score_version_view (
    organisation_id text        NOT NULL,
    instrument      text        NOT NULL,
    version         bigint      NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, instrument)
);

GRANT SELECT ON survey.credential_view, survey.organisation_view TO voc_dashboard;
GRANT SELECT ON scoring.bucket_view, scoring.score_version_view TO voc_dashboard;
