#!/bin/sh
# Gives the services' roles (made by init.sql) their passwords, from the environment of the postgres container.
# docker compose runs it once, after init.sql, when the data volume is new; to change a password later:
#   docker compose exec postgres psql -U postgres -d voc -c "ALTER ROLE voc_survey PASSWORD '…'"
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v survey="$VOC_DB_PASSWORD_SURVEY" \
    -v scoring="$VOC_DB_PASSWORD_SCORING" \
    -v dashboard="$VOC_DB_PASSWORD_DASHBOARD" <<'SQL'
ALTER ROLE voc_survey PASSWORD :'survey';
ALTER ROLE voc_scoring PASSWORD :'scoring';
ALTER ROLE voc_dashboard PASSWORD :'dashboard';
SQL
