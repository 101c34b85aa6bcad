#!/bin/sh
# The application's least-privileged login (see libs/audit/README.md, "Least privilege"). Run by the
# postgres image on the first start of an empty volume; idempotent, so an existing installation runs it
# once by hand:  docker compose exec postgres sh /docker-entrypoint-initdb.d/10-app-role.sh
# POSTGRES_USER (the superuser) owns the tables and runs migrations; ashar_api is a member of ashar_app,
# owns nothing, and therefore cannot disable the audit trigger or change audit_events.
set -eu
: "${APP_DB_PASSWORD:?set APP_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "${POSTGRES_DB:-$POSTGRES_USER}" -v app_password="$APP_DB_PASSWORD" <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ashar_app') THEN CREATE ROLE ashar_app NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ashar_api') THEN CREATE ROLE ashar_api LOGIN; END IF;
END $$;
ALTER ROLE ashar_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
GRANT ashar_app TO ashar_api;
SQL
