-- pgbench: the least a durable milestone write can cost PostgreSQL, the floor eptrack's writes
-- are measured against (write-floor.sh). One transaction: bump a random case's version, insert
-- the milestone, insert its audit row. No token lookup, no read of the case, no derived data:
-- everything eptrack does beyond this is the price of its own checks. The cases are the floor's
-- own (bench_floor_cases), so eptrack never reads a milestone pgbench wrote; a milestone's seq is
-- the case's new version, unique per case as the schema requires.
\set n random(1, :cases)
BEGIN;
UPDATE cases SET version = version + 1, updated_at = now()
 WHERE id = (SELECT id FROM bench_floor_cases WHERE n = :n) RETURNING id AS case_id, version \gset
-- (The space in ": true" keeps pgbench from reading ":true" as a variable.)
INSERT INTO milestones (id, case_id, seq, kind, occurred_on, details, note, recorded_at, recorded_by, supersedes, correction_reason, retracted)
VALUES (gen_random_uuid(), CAST(:case_id AS uuid), :version, 'family_time', '2025-10-01', '{"status":"attended","supervised": true}',
        NULL, now(), 'bench-sw', NULL, NULL, false);
INSERT INTO audit_events (id, at, actor, agency_id, role, action, case_id, milestone_id, request_id, outcome)
VALUES (gen_random_uuid(), now(), 'bench-sw', 'la-bench', 'social_worker', 'milestone.record', CAST(:case_id AS uuid),
        gen_random_uuid(), gen_random_uuid()::text, 'success');
COMMIT;
