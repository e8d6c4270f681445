-- Whether any dossier or staged file still keeps a file's bytes, asked by the hourly sweep for
-- every old file (`blob_in_use`): by index, not by a scan of every row.
CREATE INDEX dossier_files_sha256 ON dossier_files (sha256);
CREATE INDEX staged_files_sha256 ON staged_files (sha256);
