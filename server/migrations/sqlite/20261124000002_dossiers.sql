-- Dossiers sent by residents. A dossier is stored with its files and its first status in one
-- transaction; its receipt is issued only after that commit (synchronous = FULL).
CREATE TABLE dossiers (
    id              INTEGER PRIMARY KEY,
    -- Fixed by the device for this dossier: the same key never stores a second dossier.
    idempotency_key TEXT    NOT NULL UNIQUE,
    tracking_code   TEXT    NOT NULL UNIQUE,
    procedure       TEXT    NOT NULL,
    -- The commune or ward office (statistics code) that handles it.
    office          INTEGER NOT NULL,
    applicant_name  TEXT    NOT NULL,
    phone_last4     TEXT    NOT NULL,
    received_at     INTEGER NOT NULL, -- milliseconds since 1970, UTC
    due_date        TEXT,             -- YYYY-MM-DD in Hà Nội, NULL when the procedure gives no time
    status          TEXT    NOT NULL,
    receipt         TEXT    NOT NULL, -- the receipt as issued, JSON
    content         TEXT    NOT NULL  -- the dossier as sent, JSON
);
CREATE INDEX dossiers_by_office ON dossiers (office, status, due_date);

-- The photos and PDFs of a stored dossier; the bytes are in the blob store, by SHA-256.
CREATE TABLE dossier_files (
    dossier_id    INTEGER NOT NULL REFERENCES dossiers (id),
    attachment_id TEXT    NOT NULL,
    document      TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    mime          TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT    NOT NULL,
    PRIMARY KEY (dossier_id, attachment_id)
);

-- Files received for a dossier that has not arrived yet (uploads come first).
CREATE TABLE staged_files (
    idempotency_key TEXT    NOT NULL,
    attachment_id   TEXT    NOT NULL,
    sha256          TEXT    NOT NULL,
    mime            TEXT    NOT NULL,
    size            INTEGER NOT NULL,
    received_at     INTEGER NOT NULL,
    PRIMARY KEY (idempotency_key, attachment_id)
);

-- Every status a dossier went through, appended, never changed.
CREATE TABLE dossier_events (
    id         INTEGER PRIMARY KEY,
    dossier_id INTEGER NOT NULL REFERENCES dossiers (id),
    status     TEXT    NOT NULL,
    reason     TEXT,
    at         INTEGER NOT NULL,
    actor      TEXT    NOT NULL
);
CREATE INDEX dossier_events_by_dossier ON dossier_events (dossier_id, id);

-- The satisfaction rating on the receipt page (the last one given counts).
CREATE TABLE ratings (
    dossier_id INTEGER PRIMARY KEY REFERENCES dossiers (id),
    score      INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment    TEXT    NOT NULL,
    at         INTEGER NOT NULL
);

-- Wrong tracking code / phone pairs, per client address, for the rate limit.
CREATE TABLE track_failures (
    client TEXT    NOT NULL,
    at     INTEGER NOT NULL
);
CREATE INDEX track_failures_by_client ON track_failures (client, at);
