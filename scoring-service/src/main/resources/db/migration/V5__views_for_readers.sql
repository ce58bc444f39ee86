-- What the scoring-service promises other services may read of its schema (SPEC §1), and all they may read: the
-- dashboard-service sums bucket_view (the arrays laid out as BucketLayout and bucket_item say) and tags its
-- answers with score_version_view. The tables behind them may change; the views' names and columns may not
-- without a new version of them.

CREATE VIEW bucket_view AS
SELECT organisation_id, instrument, day, channel, touchpoint, sums FROM bucket;

CREATE VIEW score_version_view AS
SELECT organisation_id, instrument, version, updated_at FROM score_version;

-- readers get the views only: what installations before this migration granted on the tables is taken back
REVOKE SELECT ON ALL TABLES IN SCHEMA scoring FROM voc_dashboard;
ALTER DEFAULT PRIVILEGES IN SCHEMA scoring REVOKE SELECT ON TABLES FROM voc_dashboard;
GRANT SELECT ON bucket_view, score_version_view TO voc_dashboard;
