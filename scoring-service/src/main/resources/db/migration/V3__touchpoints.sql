-- The touchpoint labels an organisation's buckets are kept under (normalised, see Touchpoints). Each
-- organisation may have voc.touchpoints.max-per-organisation of them (default 200); responses with a new
-- label past that are counted under "other", so a misbehaving client cannot multiply the buckets. Labels
-- are never removed, which keeps the mapping of a response to its bucket the same for its retraction.
CREATE TABLE touchpoint (
    organisation_id text        NOT NULL,
    label           text        NOT NULL,
    first_seen      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_id, label)
);
