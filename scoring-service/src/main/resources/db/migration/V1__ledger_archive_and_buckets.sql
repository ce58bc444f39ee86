-- The scoring-service's state (SPEC §3, §4): the response ledger with its raw archive, the additive
-- buckets every score is derived from, and a version per organisation and instrument.

-- One row per response id ever applied or retracted. The primary key makes a redelivered or repeated
-- event a no-op (the exactly-once effect of SPEC §3). payload is the ResponseSubmitted event as received;
-- a retraction erases it and keeps the id, so the response cannot be counted again later. A retraction
-- that arrives before its response leaves a row with retracted_at set and no payload.
CREATE TABLE response (
    response_id     uuid PRIMARY KEY,
    organisation_id text        NOT NULL,
    instrument      text,
    answered_at     timestamptz,
    received_at     timestamptz,
    applied_at      timestamptz NOT NULL DEFAULT now(),
    retracted_at    timestamptz,
    payload         jsonb
);

-- Additive sums per (organisation, instrument, UTC day, channel, touchpoint, item); see ItemSums for the
-- meaning of the columns. Any selection's scores are the sum of its buckets.
CREATE TABLE bucket (
    organisation_id text   NOT NULL,
    instrument      text   NOT NULL,
    day             date   NOT NULL,
    channel         text   NOT NULL,
    touchpoint      text   NOT NULL,
    item            text   NOT NULL,
    n               bigint NOT NULL,
    sum_x           bigint NOT NULL,
    sum_x2          bigint NOT NULL,
    sum_y           bigint NOT NULL,
    sum_y2          bigint NOT NULL,
    sum_xy          bigint NOT NULL,
    count_0         bigint NOT NULL,
    count_1         bigint NOT NULL,
    count_2         bigint NOT NULL,
    count_3         bigint NOT NULL,
    count_4         bigint NOT NULL,
    count_5         bigint NOT NULL,
    count_6         bigint NOT NULL,
    count_7         bigint NOT NULL,
    count_8         bigint NOT NULL,
    count_9         bigint NOT NULL,
    count_10        bigint NOT NULL,
    PRIMARY KEY (organisation_id, instrument, day, channel, touchpoint, item)
);

-- Increases with every batch that changed the organisation's scores of the instrument: the basis of
-- the dashboard's ETags and of the voc.score-updates notices.
CREATE TABLE score_version (
    organisation_id text        NOT NULL,
    instrument      text        NOT NULL,
    version         bigint      NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, instrument)
);
