-- Migration 9: the column mappings people chose on the upload page. A file's header
-- cell that matches no column of its template (spec/import-formats.md: "Header names")
-- is mapped by the user to a column, or to nothing ('' = ignore), and the choice is kept
-- here for the next upload of the same header: one row per template and header key
-- (the header's comparison key, import/headers.c's header_key), with who chose it and
-- when, so a mapping can be traced and changed.


CREATE TABLE upload_mapping (
	template   TEXT NOT NULL,
	source_key TEXT NOT NULL,
	source     TEXT NOT NULL,          -- the header as the user's file wrote it
	col        TEXT NOT NULL,          -- a column of the template, or '' for ignore
	set_by     TEXT NOT NULL,
	set_at     TEXT NOT NULL,
	PRIMARY KEY (template, source_key)
) WITHOUT ROWID;

-- A previewed upload keeps what its check was run with, so that the mapping step and
-- the confirmation read the file the same way and name it as the user did.
ALTER TABLE pending_upload ADD COLUMN name TEXT;
ALTER TABLE pending_upload ADD COLUMN encoding TEXT;
ALTER TABLE pending_upload ADD COLUMN date_order TEXT;
ALTER TABLE pending_upload ADD COLUMN delimiter TEXT;

PRAGMA user_version = 9;
