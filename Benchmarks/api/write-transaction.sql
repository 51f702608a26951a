-- pgbench: the database work of one POST /v1/cases/{id}/milestones, statement for statement
-- (SQLStore.credential, findCase, appendMilestone with its alert index and audit row), on a
-- random seeded case, with the same rows coming back. The floor eptrack's write path is
-- compared with. (pgbench sends each :variable as a bound parameter, as eptrack does.)
\set n random(1, :cases)
-- The token lookup, as SQLStore.credential makes it; the random case's id rides along in a
-- scalar subquery (one index probe) because \gset needs one row and the next statement,
-- like eptrack's, returns many.
SELECT t.*, a.type AS agency_type, p.local_authority AS partner,
       (SELECT id FROM bench_case_ids WHERE n = :n) AS case_id
  FROM api_tokens t JOIN agencies a ON a.id = t.agency_id
  LEFT JOIN partnerships p ON p.agency_id = t.agency_id AND p.started_at IS NOT NULL AND p.ended_at IS NULL
 WHERE t.token_hash = :token_hash \gset
-- The case's write lock, held from the read to the write (PostgresSource.exclusively).
SELECT pg_advisory_lock(hashtextextended(:case_id, 0));
-- findCase: the case's columns (not its digest) with all its milestones, one row per milestone.
SELECT c.id, c.reference, c.local_authority, c.adoption_agency, c.sex, c.ethnicity, c.sibling_group_size, c.disability,
       c.unborn, c.expected_birth_month, c.state, c.version, c.created_at, m.id AS m_id, m.kind AS m_kind, m.occurred_on AS m_occurred_on, m.details AS m_details, m.note AS m_note,
       m.recorded_at AS m_recorded_at, m.recorded_by AS m_recorded_by, m.supersedes AS m_supersedes,
       m.correction_reason AS m_correction_reason, m.retracted AS m_retracted
  FROM cases c LEFT JOIN milestones m ON m.case_id = c.id
 WHERE c.id = CAST(:case_id AS uuid) ORDER BY m.seq;
BEGIN;
-- The journey digest is rewritten whole on every write; about 600 bytes for a seeded case.
UPDATE cases SET version = version + 1, state = state, updated_at = now(),
       journey_digest = repeat('family_time;20362;{"status":"attended"}' || chr(10), 15)
 WHERE id = CAST(:case_id AS uuid) RETURNING id;
-- (The space in ": true" keeps pgbench from reading ":true" as a variable.)
INSERT INTO milestones (id, case_id, seq, kind, occurred_on, details, note, recorded_at, recorded_by, supersedes, correction_reason, retracted)
SELECT gen_random_uuid(), CAST(:case_id AS uuid), coalesce(max(seq), 0) + 1, 'family_time', '2025-10-01',
       '{"status":"attended","supervised": true}', NULL, now(), 'bench-sw', NULL, NULL, false
  FROM milestones WHERE case_id = CAST(:case_id AS uuid);
DELETE FROM alert_index WHERE case_id = CAST(:case_id AS uuid);
INSERT INTO alert_index (case_id, rule_id, opens_on, overdue_on, due_on) VALUES
  (CAST(:case_id AS uuid), 'S2-ep-considered-early', '2025-01-10', '2025-02-07', '2025-02-07'),
  (CAST(:case_id AS uuid), 'S2-ep-before-issue', '2025-01-20', '2025-01-20', '2025-01-20'),
  (CAST(:case_id AS uuid), 'S2-26-weeks', '2025-07-01', '2025-07-21', '2025-07-21');
INSERT INTO audit_events (id, at, actor, agency_id, role, action, case_id, milestone_id, request_id, outcome)
VALUES (gen_random_uuid(), now(), 'bench-sw', 'la-bench', 'social_worker', 'milestone.record', CAST(:case_id AS uuid), gen_random_uuid(), gen_random_uuid()::text, 'success');
COMMIT;
SELECT pg_advisory_unlock(hashtextextended(:case_id, 0));
