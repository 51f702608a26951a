#!/bin/sh
# Runs once, when the database is first created (the postgres image's initdb hook): the login
# role the server runs as, a member of eptrack_app, which the migrations grant only what the
# server needs (no TRUNCATE, no UPDATE or DELETE of audit events and milestones, no DDL). The
# tables belong to POSTGRES_USER, which only the one-off `migrate` service uses.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v server_password="$EPTRACK_DB_PASSWORD" <<'SQL'
CREATE ROLE eptrack_app NOLOGIN;
CREATE ROLE eptrack_server LOGIN PASSWORD :'server_password';
GRANT eptrack_app TO eptrack_server;
SQL
