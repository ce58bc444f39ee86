-- One row per bucket instead of one per bucket and item: a response now costs one row and one index entry in
-- the bucket table instead of about eleven, which is what bounded how fast a backlog is applied (BENCHMARKS.md).
-- A bucket's sums are one bigint[] laid out per instrument as bucket_item says (BucketLayout in the code).

-- Where each item's sums are in a bucket's array (1-based, as SQL indexes arrays): sums[position] is the item's
-- n, then Σx and Σx²; then Σy, Σy² and Σxy where the item is paired with the relationship's impact score; then the
-- counts of answers count_from..count_to. Items are only ever appended, so older, shorter arrays stay valid.
CREATE TABLE bucket_item (
    instrument text    NOT NULL,
    item       text    NOT NULL,
    position   integer NOT NULL,
    paired     boolean NOT NULL,
    count_from integer NOT NULL,
    count_to   integer NOT NULL,
    PRIMARY KEY (instrument, item)
);

INSERT INTO bucket_item (instrument, item, position, paired, count_from, count_to) VALUES
    ('SERVICEPROOF', 'RESPONSES', 1, false, 0, -1),
    ('SERVICEPROOF', 'SENSING', 4, false, 1, 5),
    ('SERVICEPROOF', 'EMPATHY', 12, false, 1, 5),
    ('SERVICEPROOF', 'RESONANCE', 20, false, 1, 5),
    ('SERVICEPROOF', 'VALUE', 28, false, 1, 5),
    ('SERVICEPROOF', 'INDIVIDUALIZE', 36, false, 1, 5),
    ('SERVICEPROOF', 'COMMITMENT', 44, false, 1, 5),
    ('SERVICEPROOF', 'ENGAGEMENT', 52, false, 1, 5),
    ('SERVICEPROOF', 'RECOMMEND', 60, false, 0, 10),
    ('SERVICEPROOF', 'EFFORT', 74, false, 1, 7),
    ('SERVICEPROOF', 'SATISFACTION', 84, false, 1, 5),
    ('SERVICE_RECOVERY', 'RESPONSES', 1, false, 0, -1),
    ('SERVICE_RECOVERY', 'RECEPTIVENESS', 4, true, 1, 5),
    ('SERVICE_RECOVERY', 'RESPONSIVENESS', 15, true, 1, 5),
    ('SERVICE_RECOVERY', 'RESONANCE', 26, true, 1, 5),
    ('SERVICE_RECOVERY', 'RESOLUTION', 37, true, 1, 5),
    ('SERVICE_RECOVERY', 'RELIANCE', 48, true, 1, 5),
    ('SERVICE_RECOVERY', 'LEARNING', 59, true, 1, 5),
    ('SERVICE_RECOVERY', 'BRAND_EFFECT', 70, false, 1, 5),
    ('SERVICE_RECOVERY', 'RELATIONSHIP', 78, false, 0, 3),
    ('SERVICE_RECOVERY', 'RECOMMEND', 85, false, 0, 10),
    ('SERVICE_RECOVERY', 'EFFORT', 99, false, 1, 7),
    ('SERVICE_RECOVERY', 'SATISFACTION', 109, false, 1, 5);

-- Additive sums per (organisation, instrument, UTC day, channel, touchpoint); any selection's scores are the
-- sum of its buckets' arrays.
CREATE TABLE bucket_sums (
    organisation_id text     NOT NULL,
    instrument      text     NOT NULL,
    day             date     NOT NULL,
    channel         text     NOT NULL,
    touchpoint      text     NOT NULL,
    sums            bigint[] NOT NULL,
    PRIMARY KEY (organisation_id, instrument, day, channel, touchpoint)
);

-- Element-wise a + b; the shorter array counts as zeros past its end.
CREATE FUNCTION add_sums(a bigint[], b bigint[]) RETURNS bigint[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0)
                 FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i) ORDER BY i);

-- Carry the existing buckets over. Every item they hold must have a place in the layout.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM bucket b WHERE NOT EXISTS (
            SELECT 1 FROM bucket_item l WHERE l.instrument = b.instrument AND l.item = b.item)) THEN
        RAISE EXCEPTION 'scoring.bucket holds items that bucket_item has no place for';
    END IF;
END
$$;

INSERT INTO bucket_sums (organisation_id, instrument, day, channel, touchpoint, sums)
SELECT k.organisation_id, k.instrument, k.day, k.channel, k.touchpoint,
       array_agg(coalesce(u.value, 0) ORDER BY l.position, u.slot)
FROM (SELECT DISTINCT organisation_id, instrument, day, channel, touchpoint FROM bucket) k
JOIN bucket_item l ON l.instrument = k.instrument
LEFT JOIN bucket b ON b.organisation_id = k.organisation_id AND b.instrument = k.instrument AND b.day = k.day
                  AND b.channel = k.channel AND b.touchpoint = k.touchpoint AND b.item = l.item
CROSS JOIN LATERAL unnest(
    ARRAY[b.n, b.sum_x, b.sum_x2]
    || CASE WHEN l.paired THEN ARRAY[b.sum_y, b.sum_y2, b.sum_xy] ELSE ARRAY[]::bigint[] END
    || (ARRAY[b.count_0, b.count_1, b.count_2, b.count_3, b.count_4, b.count_5, b.count_6, b.count_7, b.count_8,
              b.count_9, b.count_10])[l.count_from + 1 : l.count_to + 1]
) WITH ORDINALITY AS u(value, slot)
GROUP BY k.organisation_id, k.instrument, k.day, k.channel, k.touchpoint;

DROP TABLE bucket;
ALTER TABLE bucket_sums RENAME TO bucket;
ALTER INDEX bucket_sums_pkey RENAME TO bucket_pkey;
