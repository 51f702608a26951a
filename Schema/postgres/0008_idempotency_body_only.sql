-- A stored response is replayed by the operation that stored it, which always answers a stored
-- write with the same status and Location: only the body is kept (the columns were written and
-- never read).
ALTER TABLE idempotency_keys DROP COLUMN status;

ALTER TABLE idempotency_keys DROP COLUMN location;
