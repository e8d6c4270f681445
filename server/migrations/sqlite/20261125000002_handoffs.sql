-- Drafts handed between a resident and the help desk under a 6-symbol code: valid 30 minutes,
-- used once. Photos a resident agreed to share are staged files under `files_key`.
CREATE TABLE handoffs (
    code       TEXT    PRIMARY KEY,
    direction  TEXT    NOT NULL CHECK (direction IN ('to_desk', 'to_resident')),
    content    TEXT    NOT NULL, -- the draft, JSON
    step       TEXT    NOT NULL,
    files_key  TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT    NOT NULL, -- `resident`, or the officer's username
    used_at    INTEGER,
    used_by    TEXT
);
CREATE INDEX handoffs_by_time ON handoffs (created_at);
