-- One row describing this installation: when its database was created. The health check reads it,
-- so a database that answers but was never migrated does not count as healthy.
CREATE TABLE instance (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO instance (id) VALUES (1);
