-- When an officer last changed their password (milliseconds since 1970; 0: never): sessions
-- signed in before it end (a password changed because it leaked ends every other session).
ALTER TABLE staff ADD COLUMN password_changed_at INTEGER NOT NULL DEFAULT 0;
