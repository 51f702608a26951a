-- Each case's journey (profile and effective milestones) in one compact text, rewritten with
-- every change to the case in the same transaction, so the dashboards read one value per case
-- instead of every record. Format: EPDomain's JourneyDigest. Empty for cases stored before this
-- migration: the server fills those in at start, before it serves requests (and again after
-- any later migration that clears the column because the format changed).
ALTER TABLE cases ADD COLUMN journey_digest TEXT;
