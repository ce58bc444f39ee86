-- Webhooks: an organisation's subscriptions, the deliveries queued for them, and the attempts of each delivery
-- (the delivery log). A delivery is queued in the transaction that records its event (the alert inbox's batch, an
-- acknowledgement, a score-update notice) and sent afterwards, at least once, with the same id on every attempt.
CREATE TABLE webhook (
    webhook_id           uuid PRIMARY KEY,
    organisation_id      text        NOT NULL,
    url                  text        NOT NULL,
    events               text[]      NOT NULL,
    description          text,
    -- the signing secret, encrypted (AES-GCM) with the service's VOC_WEBHOOK_SECRET_KEY: signing needs it in clear
    secret               bytea       NOT NULL,
    paused               boolean     NOT NULL DEFAULT false,
    paused_reason        text,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE INDEX webhook_by_organisation ON webhook (organisation_id, created_at);

CREATE TABLE webhook_delivery (
    -- the webhook-id header: the same on every attempt, so that receivers can de-duplicate
    delivery_id     uuid PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhook ON DELETE CASCADE,
    event_type      text        NOT NULL,
    -- what the delivery is of: an alert id, or for scores.changed the organisation; a repeated event finds its row
    event_key       text        NOT NULL,
    body            text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    -- a sender's claim on the row; one that crashed mid-delivery leaves it to expire, and the delivery is retried
    leased_until    timestamptz,
    finished_at     timestamptz
);

-- one delivery per event and subscription; scores.changed keeps one pending row per subscription, coalesced
CREATE UNIQUE INDEX webhook_delivery_once ON webhook_delivery (webhook_id, event_type, event_key)
    WHERE event_type <> 'scores.changed';
CREATE UNIQUE INDEX webhook_delivery_coalesced ON webhook_delivery (webhook_id)
    WHERE event_type = 'scores.changed' AND state = 'pending' AND attempts = 0;
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, created_at DESC);

CREATE TABLE webhook_attempt (
    delivery_id  uuid        NOT NULL REFERENCES webhook_delivery ON DELETE CASCADE,
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL,
    status       integer,
    duration_ms  integer     NOT NULL,
    error        text,
    -- at most 256 characters of what the receiver answered
    excerpt      text,
    PRIMARY KEY (delivery_id, attempt)
);
