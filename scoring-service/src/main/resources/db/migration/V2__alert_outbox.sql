-- Closed-loop alerts waiting to be published on voc.alerts. Written in the same transaction as the batch
-- that raised (or, on retraction, withdrew) them, deleted once the broker has them: an alert is never lost
-- between the database commit and the broker. A repeat after a crash carries the same alert id, which the
-- dashboard's inbox de-duplicates.
CREATE TABLE alert_outbox (
    id              bigserial PRIMARY KEY,
    alert_id        uuid        NOT NULL,
    organisation_id text        NOT NULL,
    kind            text,
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
