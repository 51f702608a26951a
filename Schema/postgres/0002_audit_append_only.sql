-- The audit trail is append-only: no role, the application's included, may change or remove a row.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

CREATE TRIGGER audit_events_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- Milestones are append-only too: corrections are new rows.
CREATE TRIGGER milestones_no_update_or_delete
    BEFORE UPDATE OR DELETE ON milestones
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
