-- VoC Monitor database bootstrap (SPEC §1): one login role per service, one schema per owning service.
-- Run by a superuser, once per database, before the services start; safe to run again.
-- Used by ./voc up, the test resources, docker compose (then passwords.sh) and CloudNativePG at cluster creation.
-- Each service creates its own tables in its own schema with Flyway; only the owner writes a schema.
-- Passwords are not set here: local servers trust loopback connections; elsewhere set them with
-- ALTER ROLE ... PASSWORD from your secret store.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'voc_survey') THEN
        CREATE ROLE voc_survey LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'voc_scoring') THEN
        CREATE ROLE voc_scoring LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'voc_dashboard') THEN
        CREATE ROLE voc_dashboard LOGIN;
    END IF;
END
$$;

CREATE SCHEMA IF NOT EXISTS survey AUTHORIZATION voc_survey;
CREATE SCHEMA IF NOT EXISTS scoring AUTHORIZATION voc_scoring;
CREATE SCHEMA IF NOT EXISTS dashboard AUTHORIZATION voc_dashboard;

-- nobody creates objects in public
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- the dashboard may look into the schemas it reads; what it may read there, each owner grants itself: the views
-- it publishes for readers (survey: credential_view, organisation_view; scoring: bucket_view, score_version_view)
GRANT USAGE ON SCHEMA survey, scoring TO voc_dashboard;
