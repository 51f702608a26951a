-- Redaction (UK GDPR Articles 16 and 17): as Schema/postgres/0007_redaction.sql. Free text may
-- be replaced by the marker '[redacted]'; every other column stays as written; no row is
-- deleted.
DROP TRIGGER milestones_no_update;

CREATE TRIGGER milestones_redact_only BEFORE UPDATE ON milestones
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.seq IS NOT OLD.seq
    OR NEW.kind IS NOT OLD.kind OR NEW.occurred_on IS NOT OLD.occurred_on
    OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.recorded_by IS NOT OLD.recorded_by
    OR NEW.supersedes IS NOT OLD.supersedes OR NEW.retracted IS NOT OLD.retracted
    OR (NEW.note IS NOT OLD.note AND NEW.note IS NOT '[redacted]')
    OR (NEW.correction_reason IS NOT OLD.correction_reason AND NEW.correction_reason IS NOT '[redacted]')
    OR (NEW.details IS NOT OLD.details AND instr(NEW.details, '[redacted]') = 0)
BEGIN
    SELECT RAISE(ABORT, 'milestones are append-only: only free text may be replaced by [redacted]');
END;

CREATE TRIGGER alert_acknowledgements_redact_only BEFORE UPDATE ON alert_acknowledgements
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id OR NEW.rule_id IS NOT OLD.rule_id
    OR NEW.acknowledged_by IS NOT OLD.acknowledged_by OR NEW.acknowledged_at IS NOT OLD.acknowledged_at
    OR (NEW.note IS NOT OLD.note AND NEW.note IS NOT '[redacted]')
BEGIN
    SELECT RAISE(ABORT, 'alert_acknowledgements are append-only: only the note may be replaced by [redacted]');
END;

CREATE TRIGGER alert_acknowledgements_no_delete BEFORE DELETE ON alert_acknowledgements
BEGIN
    SELECT RAISE(ABORT, 'alert_acknowledgements are append-only');
END;

ALTER TABLE audit_events ADD COLUMN reason TEXT;

ALTER TABLE audit_events ADD COLUMN record_id TEXT;
