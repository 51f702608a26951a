-- Partnerships need the local authority's consent, and every span is kept.
-- An RAA or VAA may propose working on an LA's cases; access starts only when the LA accepts
-- (started_at set) and stops when either side ends it (ended_at set). Ending and starting again
-- adds a new row: the earlier spans stay, so "who could see this LA's cases on 3 March" has an
-- answer. Partnerships made before this migration are kept as they were (active or ended) and
-- recorded as proposed by the local authority: review them with GET /v1/partnerships.
CREATE TABLE partnership_spans (
    agency_id        TEXT NOT NULL REFERENCES agencies (id),
    local_authority  TEXT NOT NULL REFERENCES agencies (id),
    proposed_by      TEXT NOT NULL REFERENCES agencies (id),
    proposed_at      TIMESTAMPTZ NOT NULL,
    started_at       TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ,
    PRIMARY KEY (agency_id, local_authority, proposed_at)
);

INSERT INTO partnership_spans (agency_id, local_authority, proposed_by, proposed_at, started_at, ended_at)
SELECT agency_id, local_authority, local_authority, started_at, started_at, ended_at FROM partnerships;

DROP TABLE partnerships;

ALTER TABLE partnership_spans RENAME TO partnerships;

-- At most one open span (proposed or active) per pair.
CREATE UNIQUE INDEX partnerships_open ON partnerships (agency_id, local_authority) WHERE ended_at IS NULL;

CREATE INDEX partnerships_local_authority ON partnerships (local_authority);

-- Admin actions name the other agency they concern (the LA of a partnership, the agency
-- registered), so that agency's admins see them in their own audit view.
ALTER TABLE audit_events ADD COLUMN subject_agency TEXT;

CREATE INDEX audit_events_subject_agency ON audit_events (subject_agency, at);
