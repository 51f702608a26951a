-- An acknowledgement is of one alert: one clock of its rule, counted from one day. When a first
-- viability assessment's deadline has passed and a second assessment's clock runs under the same
-- rule, the new alert has not been looked at, and the IRO's queue must not mark it as if it had.
-- `anchor_on` keeps the day the acknowledged alert's clock counted from: unlike its due day, it
-- stays when a policy's threshold, a bank holiday calendar or an extension moves the deadline. It
-- is empty for acknowledgements recorded before it was kept, which stand for the rule on the case
-- as before.
ALTER TABLE alert_acknowledgements ADD COLUMN anchor_on TEXT;

-- Acknowledgements stay append-only: the new column may not change either.
CREATE OR REPLACE FUNCTION alert_acknowledgements_redact_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'alert_acknowledgements are append-only';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.rule_id IS DISTINCT FROM OLD.rule_id
        OR NEW.acknowledged_by IS DISTINCT FROM OLD.acknowledged_by OR NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at
        OR NEW.anchor_on IS DISTINCT FROM OLD.anchor_on
        OR (NEW.note IS DISTINCT FROM OLD.note AND NEW.note IS DISTINCT FROM '[redacted]') THEN
        RAISE EXCEPTION 'alert_acknowledgements are append-only: only the note may be replaced by [redacted]';
    END IF;
    RETURN NEW;
END;
$$;
