-- eptrack core schema, PostgreSQL. Released migrations are never edited: add a new file.
-- Dates of events are kept as 'YYYY-MM-DD' text (a calendar day, no time zone); instants as timestamptz.

CREATE TABLE agencies (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('la', 'raa', 'vaa')),
    created_at  TIMESTAMPTZ NOT NULL
);

-- An RAA or VAA working for a local authority. Access follows active partnerships only.
CREATE TABLE partnerships (
    agency_id        TEXT NOT NULL REFERENCES agencies (id),
    local_authority  TEXT NOT NULL REFERENCES agencies (id),
    started_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ,
    PRIMARY KEY (agency_id, local_authority)
);

CREATE INDEX partnerships_local_authority ON partnerships (local_authority);

-- API tokens: only a SHA-256 hash of the secret is stored.
CREATE TABLE api_tokens (
    id            UUID PRIMARY KEY,
    token_hash    TEXT NOT NULL UNIQUE,
    agency_id     TEXT NOT NULL REFERENCES agencies (id),
    role          TEXT NOT NULL CHECK (role IN ('social_worker', 'iro', 'leader', 'admin')),
    label         TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    revoked_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ
);

CREATE TABLE cases (
    id                    UUID PRIMARY KEY,
    reference             TEXT NOT NULL,
    local_authority       TEXT NOT NULL REFERENCES agencies (id),
    adoption_agency       TEXT REFERENCES agencies (id),
    sex                   TEXT NOT NULL,
    ethnicity             TEXT NOT NULL,
    sibling_group_size    INTEGER NOT NULL CHECK (sibling_group_size BETWEEN 1 AND 12),
    disability            BOOLEAN NOT NULL,
    unborn                BOOLEAN NOT NULL,
    expected_birth_month  TEXT,
    state                 TEXT NOT NULL,
    version               INTEGER NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    UNIQUE (local_authority, reference)
);

-- Case lists page through (created_at, id) within the visible local authorities.
CREATE INDEX cases_local_authority_created ON cases (local_authority, created_at, id);

-- Append-only: a correction is a new row that names the row it supersedes.
CREATE TABLE milestones (
    id                 UUID PRIMARY KEY,
    case_id            UUID NOT NULL REFERENCES cases (id),
    seq                INTEGER NOT NULL,
    kind               TEXT NOT NULL,
    occurred_on        TEXT NOT NULL,
    details            TEXT NOT NULL,
    note               TEXT,
    recorded_at        TIMESTAMPTZ NOT NULL,
    recorded_by        TEXT NOT NULL,
    supersedes         UUID REFERENCES milestones (id),
    correction_reason  TEXT,
    retracted          BOOLEAN NOT NULL,
    UNIQUE (case_id, seq)
);

CREATE TABLE alert_acknowledgements (
    id               UUID PRIMARY KEY,
    case_id          UUID NOT NULL REFERENCES cases (id),
    rule_id          TEXT NOT NULL,
    note             TEXT NOT NULL,
    acknowledged_by  TEXT NOT NULL,
    acknowledged_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX alert_acknowledgements_case ON alert_acknowledgements (case_id, rule_id);

-- Who did what to which case, and when. Append-only (see 0002).
CREATE TABLE audit_events (
    id            UUID PRIMARY KEY,
    at            TIMESTAMPTZ NOT NULL,
    actor         TEXT NOT NULL,
    agency_id     TEXT NOT NULL,
    role          TEXT NOT NULL,
    action        TEXT NOT NULL,
    case_id       UUID,
    milestone_id  UUID,
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
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (caller, key)
);
