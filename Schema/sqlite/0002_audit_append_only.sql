-- The audit trail and the milestones are append-only.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER milestones_no_update BEFORE UPDATE ON milestones
BEGIN
    SELECT RAISE(ABORT, 'milestones are append-only');
END;

CREATE TRIGGER milestones_no_delete BEFORE DELETE ON milestones
BEGIN
    SELECT RAISE(ABORT, 'milestones are append-only');
END;
