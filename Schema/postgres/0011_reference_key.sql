-- A case reference is one local authority's code for one child, and people type codes in upper or
-- lower case: "NS-EP-0142" and "ns-ep-0142" are the same code, and two cases under it would split
-- one child's journey and count the child twice. So a reference is unique in its local authority
-- whatever its case: `reference_key` is the reference in lower case (references are ASCII letters,
-- digits, - and /, so SQL's lower() and the service's agree), written with every new case.
ALTER TABLE cases ADD COLUMN reference_key TEXT;

-- Cases already held under references that differ only in case are kept: the oldest holds the
-- key, and each later one the key with `#` and its id after, which no reference can clash with.
UPDATE cases SET reference_key = lower(reference COLLATE "C") || CASE WHEN EXISTS (
    SELECT 1 FROM cases earlier
    WHERE earlier.local_authority = cases.local_authority AND lower(earlier.reference COLLATE "C") = lower(cases.reference COLLATE "C")
      AND (earlier.created_at < cases.created_at OR (earlier.created_at = cases.created_at AND earlier.id < cases.id))
) THEN '#' || id ELSE '' END;

-- (COLLATE "C": lower() then folds ASCII alone, whatever the database's locale, as Swift does.)
-- NOT NULL: an instance still running the code from before this migration cannot add a case
-- without a key, which would escape the rule; stop older instances first (README).
ALTER TABLE cases ALTER COLUMN reference_key SET NOT NULL;

CREATE UNIQUE INDEX cases_reference_key ON cases (local_authority, reference_key);
