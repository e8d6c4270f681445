-- Pages that failed in a browser (a panic or a trap in the wasm), counted per minute. A report is
-- counted only while its minute holds fewer than the limit: one atomic upsert, so the limit holds
-- however many servers and requests report at once. The reports themselves go to the log.
CREATE TABLE browser_failures (
    minute INTEGER PRIMARY KEY, -- minutes since 1970, UTC
    count  INTEGER NOT NULL CHECK (count > 0)
);
