-- Sign-in for people in a browser (the pages). Every secret is kept only as its SHA-256 hash,
-- so a copy of the database cannot be used to sign in.

-- A signed-in browser. Ended server-side at sign-out; refused after its idle timeout or its
-- absolute lifetime, both worked out by the server from these times.
CREATE TABLE web_sessions (
    id_hash       TEXT PRIMARY KEY,
    subject       TEXT NOT NULL,
    agency_id     TEXT NOT NULL REFERENCES agencies (id),
    role          TEXT NOT NULL CHECK (role IN ('social_worker', 'iro', 'leader', 'admin')),
    csrf_token    TEXT NOT NULL,
    created_at    REAL NOT NULL,
    last_seen_at  REAL NOT NULL,
    ended_at      REAL
);

-- An OpenID Connect sign-in under way: the state the provider sends back, with the nonce and
-- the PKCE verifier it belongs to. Taken (deleted) once, at the callback.
CREATE TABLE web_sign_in_attempts (
    state_hash    TEXT PRIMARY KEY,
    nonce         TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    return_to     TEXT NOT NULL,
    created_at    REAL NOT NULL
);

-- A one-time sign-in link for a laptop or a demo without an identity provider.
CREATE TABLE web_sign_in_links (
    token_hash    TEXT PRIMARY KEY,
    subject       TEXT NOT NULL,
    agency_id     TEXT NOT NULL REFERENCES agencies (id),
    role          TEXT NOT NULL CHECK (role IN ('social_worker', 'iro', 'leader', 'admin')),
    created_at    REAL NOT NULL,
    expires_at    REAL NOT NULL,
    used_at       REAL
);

