-- The closed-loop alert inbox (SPEC §1, §5), fed from voc.alerts. One row per alert; the alert id follows
-- from the response id, so a repeated delivery changes nothing. A withdrawn alert (its response was
-- retracted) is deleted, comment and all.
CREATE TABLE alert (
    alert_id        uuid PRIMARY KEY,
    organisation_id text        NOT NULL,
    kind            text        NOT NULL,
    response_id     uuid        NOT NULL,
    channel         text        NOT NULL,
    touchpoint      text,
    comment         text,
    answered_at     timestamptz NOT NULL,
    raised_at       timestamptz NOT NULL,
    acknowledged_at timestamptz
);

-- newest first per organisation, with the alert id as tie-break for keyset paging
CREATE INDEX alert_inbox ON alert (organisation_id, answered_at DESC, alert_id DESC);
