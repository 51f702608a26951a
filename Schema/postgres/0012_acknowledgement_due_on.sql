-- An acknowledgement is of one alert: the rule's deadline as it stood that day. When that
-- deadline is met and a new one falls due under the same rule (a second viability assessment,
-- say), the new alert has not been looked at, and the IRO's queue must not mark it as if it had.
-- `due_on` keeps the day the acknowledged alert was due; it is empty for acknowledgements
-- recorded before it was kept, which stand for the rule on the case as before.
ALTER TABLE alert_acknowledgements ADD COLUMN due_on TEXT;
