-- eptrack core schema, SQLite (same tables; SQLite types: instants are REAL seconds, UUIDs text, booleans 0/1). Released migrations are never edited: add a new file.
-- Dates of events are kept as 'YYYY-MM-DD' text (a calendar day, no time zone); instants as timestamptz.

CREATE TABLE agencies (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('la', 'raa', 'vaa')),
    created_at  REAL NOT NULL
);

-- An RAA or VAA working for a local authority. Access follows active partnerships only.
CREATE TABLE partnerships (
    agency_id        TEXT NOT NULL REFERENCES agencies (id),
    local_authority  TEXT NOT NULL REFERENCES agencies (id),
    started_at       REAL NOT NULL,
    ended_at         REAL,
    PRIMARY KEY (agency_id, local_authority)
);

CREATE INDEX partnerships_local_authority ON partnerships (local_authority);

-- API tokens: only a SHA-256 hash of the secret is stored.
CREATE TABLE api_tokens (
    id            TEXT PRIMARY KEY,
    token_hash    TEXT NOT NULL UNIQUE,
    agency_id     TEXT NOT NULL REFERENCES agencies (id),
    role          TEXT NOT NULL CHECK (role IN ('social_worker', 'iro', 'leader', 'admin')),
    label         TEXT,
    created_at    REAL NOT NULL,
    expires_at    REAL NOT NULL,
    revoked_at    REAL,
    last_used_at  REAL
);

CREATE TABLE cases (
    id                    TEXT PRIMARY KEY,
    reference             TEXT NOT NULL,
    local_authority       TEXT NOT NULL REFERENCES agencies (id),
    adoption_agency       TEXT REFERENCES agencies (id),
    sex                   TEXT NOT NULL,
    ethnicity             TEXT NOT NULL,
    sibling_group_size    INTEGER NOT NULL CHECK (sibling_group_size BETWEEN 1 AND 12),
    disability            INTEGER NOT NULL,
    unborn                INTEGER NOT NULL,
    expected_birth_month  TEXT,
    state                 TEXT NOT NULL,
    version               INTEGER NOT NULL,
    created_at            REAL NOT NULL,
    updated_at            REAL NOT NULL,
    UNIQUE (local_authority, reference)
);

-- Case lists page through (created_at, id) within the visible local authorities.
CREATE INDEX cases_local_authority_created ON cases (local_authority, created_at, id);

-- Append-only: a correction is a new row that names the row it supersedes.
CREATE TABLE milestones (
    id                 TEXT PRIMARY KEY,
    case_id            TEXT NOT NULL REFERENCES cases (id),
    seq                INTEGER NOT NULL,
    kind               TEXT NOT NULL,
    occurred_on        TEXT NOT NULL,
    details            TEXT NOT NULL,
    note               TEXT,
    recorded_at        REAL NOT NULL,
    recorded_by        TEXT NOT NULL,
    supersedes         TEXT REFERENCES milestones (id),
    correction_reason  TEXT,
    retracted          INTEGER NOT NULL,
    UNIQUE (case_id, seq)
);

CREATE TABLE alert_acknowledgements (
    id               TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL REFERENCES cases (id),
    rule_id          TEXT NOT NULL,
    note             TEXT NOT NULL,
    acknowledged_by  TEXT NOT NULL,
    acknowledged_at  REAL NOT NULL
);

CREATE INDEX alert_acknowledgements_case ON alert_acknowledgements (case_id, rule_id);

-- Who did what to which case, and when. Append-only (see 0002).
CREATE TABLE audit_events (
    id            TEXT PRIMARY KEY,
    at            REAL NOT NULL,
    actor         TEXT NOT NULL,
    agency_id     TEXT NOT NULL,
    role          TEXT NOT NULL,
    action        TEXT NOT NULL,
    case_id       TEXT,
    milestone_id  TEXT,
    request_id    TEXT,
    outcome       TEXT NOT NULL
);

CREATE INDEX audit_events_case ON audit_events (case_id, at);

-- A POST's first response, replayed for a retry with the same key and body.
CREATE TABLE idempotency_keys (
    caller        TEXT NOT NULL,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status        INTEGER NOT NULL,
    location      TEXT,
    body          TEXT NOT NULL,
    created_at    REAL NOT NULL,
    PRIMARY KEY (caller, key)
);
