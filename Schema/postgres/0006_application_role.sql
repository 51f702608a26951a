-- The server runs with only the privileges it needs. Migrations run as the tables' owner
-- (EPTRACK_MIGRATION_DATABASE_URL); the server's login role is made a member of eptrack_app
-- (GRANT eptrack_app TO <login role>), which may read and add rows but never remove or change
-- audit events or milestones, never TRUNCATE, never change the schema and, not owning the
-- tables, never disable their triggers. Every later migration that adds a table grants it here.

-- Roles are cluster-wide and several databases or schemas of one cluster may migrate at once
-- (the tests do): whoever creates it first wins, the others find it there.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'eptrack_app') THEN
        CREATE ROLE eptrack_app NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

DO $$
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO eptrack_app', current_schema());
END
$$;

GRANT SELECT ON schema_migrations TO eptrack_app;

GRANT SELECT, INSERT ON agencies TO eptrack_app;

GRANT SELECT, INSERT, UPDATE ON partnerships TO eptrack_app;

GRANT SELECT, INSERT, UPDATE ON api_tokens TO eptrack_app;

GRANT SELECT, INSERT, UPDATE ON cases TO eptrack_app;

GRANT SELECT, INSERT ON milestones TO eptrack_app;

GRANT SELECT, INSERT ON alert_acknowledgements TO eptrack_app;

GRANT SELECT, INSERT ON audit_events TO eptrack_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON alert_index TO eptrack_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON settings TO eptrack_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO eptrack_app;
