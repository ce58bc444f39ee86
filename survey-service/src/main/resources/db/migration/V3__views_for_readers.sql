-- What the survey-service promises other services may read of its schema (SPEC §1), and all they may read:
-- the dashboard-service checks read keys against credential_view and finds organisations in organisation_view.
-- The tables behind them may change; the views' names and columns may not without a new version of them.

-- the keys that are valid now: not revoked, of an active organisation; key_hash is ApiKeys.hash of the key
CREATE VIEW credential_view AS
SELECT k.key_hash, k.organisation_id, k.scope
FROM api_key k
JOIN organisation o ON o.id = k.organisation_id
WHERE k.revoked_at IS NULL AND o.active;

-- every organisation, deactivated ones too (the admin reads them)
CREATE VIEW organisation_view AS
SELECT id, active FROM organisation;

-- readers get the views only: what installations before this migration granted on the tables is taken back
REVOKE SELECT ON ALL TABLES IN SCHEMA survey FROM voc_dashboard;
ALTER DEFAULT PRIVILEGES IN SCHEMA survey REVOKE SELECT ON TABLES FROM voc_dashboard;
GRANT SELECT ON credential_view, organisation_view TO voc_dashboard;
