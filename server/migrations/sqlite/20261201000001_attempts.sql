-- Attempts under limits (sign-in, tracking, hand-off codes, submissions, uploads), counted before
-- the work they allow: one row per limit an attempt was counted under. Replaces the two tables
-- of failures, which were counted after the work (attempts sent at once all passed the check).

-- Attempt numbers, never given twice (AUTOINCREMENT): giving an attempt back by its number can
-- only ever remove that attempt.
CREATE TABLE attempt_numbers (
    id INTEGER PRIMARY KEY AUTOINCREMENT
);

CREATE TABLE attempts (
    attempt INTEGER NOT NULL, -- from attempt_numbers, shared by the attempt's rows
    subject TEXT    NOT NULL,
    at      INTEGER NOT NULL  -- milliseconds since 1970
);
CREATE INDEX attempts_by_subject ON attempts (subject, at);
CREATE INDEX attempts_by_attempt ON attempts (attempt);
CREATE INDEX attempts_by_time ON attempts (at);

-- Wrong tracking pairs and hand-off codes of the last day still count, under their new names
-- (wrong passwords are now counted per account and address, which the old rows do not tell).
INSERT INTO attempts (attempt, subject, at)
SELECT -rowid,
       CASE WHEN client LIKE 'handoff%' THEN client ELSE 'track:' || client END,
       at
FROM track_failures;

DROP TABLE track_failures;
DROP TABLE login_failures;
