-- Redaction (UK GDPR Articles 16 and 17): personal data recorded by mistake can be erased
-- from free text, and nothing else about a record can change. A milestone's note, a
-- correction's reason and its text details may be replaced by the marker '[redacted]' (the
-- details only by a value that contains it); every other column stays as written, and no row is
-- ever deleted. Acknowledgements get the same guard for their note.
CREATE FUNCTION milestones_redact_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'milestones are append-only';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.seq IS DISTINCT FROM OLD.seq
        OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.occurred_on IS DISTINCT FROM OLD.occurred_on
        OR NEW.recorded_at IS DISTINCT FROM OLD.recorded_at OR NEW.recorded_by IS DISTINCT FROM OLD.recorded_by
        OR NEW.supersedes IS DISTINCT FROM OLD.supersedes OR NEW.retracted IS DISTINCT FROM OLD.retracted
        OR (NEW.note IS DISTINCT FROM OLD.note AND NEW.note IS DISTINCT FROM '[redacted]')
        OR (NEW.correction_reason IS DISTINCT FROM OLD.correction_reason AND NEW.correction_reason IS DISTINCT FROM '[redacted]')
        OR (NEW.details IS DISTINCT FROM OLD.details AND position('[redacted]' in NEW.details) = 0) THEN
        RAISE EXCEPTION 'milestones are append-only: only free text may be replaced by [redacted]';
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER milestones_no_update_or_delete ON milestones;

CREATE TRIGGER milestones_redact_only
    BEFORE UPDATE OR DELETE ON milestones
    FOR EACH ROW EXECUTE FUNCTION milestones_redact_only();

CREATE FUNCTION alert_acknowledgements_redact_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'alert_acknowledgements are append-only';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.rule_id IS DISTINCT FROM OLD.rule_id
        OR NEW.acknowledged_by IS DISTINCT FROM OLD.acknowledged_by OR NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at
        OR (NEW.note IS DISTINCT FROM OLD.note AND NEW.note IS DISTINCT FROM '[redacted]') THEN
        RAISE EXCEPTION 'alert_acknowledgements are append-only: only the note may be replaced by [redacted]';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER alert_acknowledgements_redact_only
    BEFORE UPDATE OR DELETE ON alert_acknowledgements
    FOR EACH ROW EXECUTE FUNCTION alert_acknowledgements_redact_only();

-- The server's role may write only those columns.
GRANT UPDATE (note, correction_reason, details) ON milestones TO eptrack_app;

GRANT UPDATE (note) ON alert_acknowledgements TO eptrack_app;

-- A redaction's audit event says why and which record, never the text.
ALTER TABLE audit_events ADD COLUMN reason TEXT;

ALTER TABLE audit_events ADD COLUMN record_id UUID;
