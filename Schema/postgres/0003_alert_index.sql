-- Where each case's rules stand, if nothing more is recorded: the day each open-able result
-- turns due soon and the day it turns overdue. Rewritten with every write to the case (in the
-- same transaction), so the alert list finds open alerts without evaluating every case.
CREATE TABLE alert_index (
    case_id     UUID NOT NULL REFERENCES cases (id),
    rule_id     TEXT NOT NULL,
    opens_on    TEXT NOT NULL,
    overdue_on  TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    PRIMARY KEY (case_id, rule_id)
);

CREATE INDEX alert_index_due ON alert_index (due_on, rule_id, case_id);

-- Small facts about the deployment, e.g. which policy the alert index was built with.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
