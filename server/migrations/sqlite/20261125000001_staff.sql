-- The help desk: staff accounts, their sign-in sessions, wrong passwords for the lock-out, the
-- papers an officer asked for, and the papers residents added afterwards.

CREATE TABLE staff (
    username      TEXT    PRIMARY KEY,
    -- argon2id, PHC string format (salt and parameters inside); never a plain password.
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('officer', 'admin')),
    -- Statistics codes of the communes and wards they work for, comma-separated.
    wards         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    created_by    TEXT    NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);

-- Sessions of signed-in staff (tower-sessions' SQLite store schema, under our own name).
CREATE TABLE staff_sessions (
    id          TEXT    PRIMARY KEY NOT NULL,
    data        BLOB    NOT NULL,
    expiry_date INTEGER NOT NULL
);

-- Wrong passwords, by username (`user:…`) and by client address (`ip:…`).
CREATE TABLE login_failures (
    subject TEXT    NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX login_failures_by_subject ON login_failures (subject, at);

-- Who made each change (`resident`, or a staff username) was already kept; the papers an
-- officer asked for with "more documents needed" (JSON array of checklist ids) join it.
ALTER TABLE dossier_events ADD COLUMN missing TEXT;

-- Papers a resident added after an officer asked for them: one row per sending, under its own
-- idempotency key, so a sending retried any number of times is stored once.
CREATE TABLE supplements (
    idempotency_key TEXT    PRIMARY KEY,
    dossier_id      INTEGER NOT NULL REFERENCES dossiers (id),
    at              INTEGER NOT NULL
);
