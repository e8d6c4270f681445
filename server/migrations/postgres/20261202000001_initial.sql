-- The PostgreSQL schema: the same tables as server/migrations/sqlite, as they stand after its
-- last migration, for several servers sharing one database. Times are milliseconds since 1970
-- (BIGINT), as on SQLite; texts and JSON are TEXT, as on SQLite, so both backends store the same
-- values. sqlx applies migrations under an advisory lock: servers starting at once apply each
-- migration once.

-- One row describing this installation: when its database was created (health check).
CREATE TABLE instance (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    created_at TEXT    NOT NULL
        DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);
INSERT INTO instance (id) VALUES (1);

-- Attachment bytes, named by their SHA-256 (hex): shared by every server, written in the same
-- transaction as the staged file that first names them, and removed only when no staged or
-- stored file names them (the foreign keys below). `kept_at`: when last sent (milliseconds).
CREATE TABLE blobs (
    sha256  TEXT   PRIMARY KEY CHECK (length(sha256) = 64),
    bytes   BYTEA  NOT NULL,
    kept_at BIGINT NOT NULL
);
CREATE INDEX blobs_by_time ON blobs (kept_at);

-- Dossiers sent by residents, stored with their files and first status in one transaction.
CREATE TABLE dossiers (
    id              BIGSERIAL PRIMARY KEY,
    -- Fixed by the device for this dossier: the same key never stores a second dossier.
    idempotency_key TEXT   NOT NULL UNIQUE,
    tracking_code   TEXT   NOT NULL UNIQUE,
    procedure       TEXT   NOT NULL,
    office          BIGINT NOT NULL, -- the commune or ward office (statistics code)
    applicant_name  TEXT   NOT NULL,
    phone_last4     TEXT   NOT NULL,
    received_at     BIGINT NOT NULL,
    due_date        TEXT,            -- YYYY-MM-DD in Hà Nội, NULL when the procedure gives no time
    status          TEXT   NOT NULL,
    receipt         TEXT   NOT NULL, -- the receipt as issued, JSON
    content         TEXT   NOT NULL  -- the dossier as sent, JSON
);
CREATE INDEX dossiers_by_office ON dossiers (office, status, due_date);

-- The photos and PDFs of a stored dossier, in the order they were filed.
CREATE TABLE dossier_files (
    id            BIGSERIAL,
    dossier_id    BIGINT NOT NULL REFERENCES dossiers (id),
    attachment_id TEXT   NOT NULL,
    document      TEXT   NOT NULL,
    name          TEXT   NOT NULL,
    mime          TEXT   NOT NULL,
    size          BIGINT NOT NULL,
    sha256        TEXT   NOT NULL REFERENCES blobs (sha256),
    PRIMARY KEY (dossier_id, attachment_id)
);
CREATE INDEX dossier_files_sha256 ON dossier_files (sha256);

-- Files received for a dossier that has not arrived yet (uploads come first).
CREATE TABLE staged_files (
    idempotency_key TEXT   NOT NULL,
    attachment_id   TEXT   NOT NULL,
    sha256          TEXT   NOT NULL REFERENCES blobs (sha256),
    mime            TEXT   NOT NULL,
    size            BIGINT NOT NULL,
    received_at     BIGINT NOT NULL,
    PRIMARY KEY (idempotency_key, attachment_id)
);
CREATE INDEX staged_files_sha256 ON staged_files (sha256);
CREATE INDEX staged_files_by_time ON staged_files (received_at);

-- Every status a dossier went through, appended, never changed. `missing`: the papers an
-- officer asked for (JSON array of checklist ids).
CREATE TABLE dossier_events (
    id         BIGSERIAL PRIMARY KEY,
    dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
    status     TEXT   NOT NULL,
    reason     TEXT,
    at         BIGINT NOT NULL,
    actor      TEXT   NOT NULL,
    missing    TEXT
);
CREATE INDEX dossier_events_by_dossier ON dossier_events (dossier_id, id);

-- The satisfaction rating on the receipt page (the last one given counts).
CREATE TABLE ratings (
    dossier_id BIGINT PRIMARY KEY REFERENCES dossiers (id),
    score      BIGINT NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    TEXT   NOT NULL,
    at         BIGINT NOT NULL
);

-- Staff accounts; passwords as argon2id PHC strings, never plain.
CREATE TABLE staff (
    username            TEXT    PRIMARY KEY,
    password_hash       TEXT    NOT NULL,
    role                TEXT    NOT NULL CHECK (role IN ('officer', 'admin')),
    wards               TEXT    NOT NULL, -- statistics codes, comma-separated
    created_at          BIGINT  NOT NULL,
    created_by          TEXT    NOT NULL,
    disabled            BIGINT  NOT NULL DEFAULT 0,
    password_changed_at BIGINT  NOT NULL DEFAULT 0
);

-- Sessions of signed-in staff: tower-sessions' PostgreSQL store schema, under our own name, so
-- an officer balanced to another server is still signed in.
CREATE TABLE staff_sessions (
    id          TEXT        PRIMARY KEY NOT NULL,
    data        BYTEA       NOT NULL,
    expiry_date TIMESTAMPTZ NOT NULL
);

-- Papers a resident added after an officer asked for them: one row per sending.
CREATE TABLE supplements (
    idempotency_key TEXT   PRIMARY KEY,
    dossier_id      BIGINT NOT NULL REFERENCES dossiers (id),
    at              BIGINT NOT NULL
);

-- Drafts handed between a resident and the help desk under a 6-symbol code.
CREATE TABLE handoffs (
    code       TEXT   PRIMARY KEY,
    direction  TEXT   NOT NULL CHECK (direction IN ('to_desk', 'to_resident')),
    content    TEXT   NOT NULL,
    step       TEXT   NOT NULL,
    files_key  TEXT,
    created_at BIGINT NOT NULL,
    created_by TEXT   NOT NULL,
    used_at    BIGINT,
    used_by    TEXT
);
CREATE INDEX handoffs_by_time ON handoffs (created_at);

-- Pages that failed in a browser, counted per minute (one atomic upsert under a limit).
CREATE TABLE browser_failures (
    minute BIGINT PRIMARY KEY,
    count  BIGINT NOT NULL CHECK (count > 0)
);

-- Attempts under limits, counted before the work they allow; one row per limit an attempt was
-- counted under, sharing a number from the sequence (never given twice).
CREATE SEQUENCE attempt_numbers;
CREATE TABLE attempts (
    attempt BIGINT NOT NULL,
    subject TEXT   NOT NULL,
    at      BIGINT NOT NULL
);
CREATE INDEX attempts_by_subject ON attempts (subject, at);
CREATE INDEX attempts_by_attempt ON attempts (attempt);
CREATE INDEX attempts_by_time ON attempts (at);
