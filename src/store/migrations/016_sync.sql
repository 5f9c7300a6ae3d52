-- Offline instances that sync (docs/sync.md).
-- change_log: every write transaction of this instance that changed records, captured
-- by store_commit with SQLite's session extension: the changeset (sqlite3changeset_*
-- reads it), who made it and when, and where it came from (NULL: made here; 'sync':
-- received from the server or a bundle, so never sent back).
CREATE TABLE change_log (
	seq INTEGER PRIMARY KEY,
	change_id TEXT NOT NULL UNIQUE,  -- random, 32 hex digits
	account TEXT,
	at TEXT NOT NULL,
	origin TEXT,
	tables TEXT NOT NULL,            -- JSON {"table": rows changed}
	changeset BLOB                   -- NULL for a transaction too large to keep (a bulk
	                                 -- import, STORE_CAPTURE_MAX): tables is then {}
);

-- The client side of sync: the server and account, the cursor (the server's change_log
-- seq last pulled) and the sync key (sync_key: authenticates bundles).
CREATE TABLE sync_state (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- Per record, what the client and the server last agreed on: the server's version and
-- the local version of the same record at that moment. A record whose local version is
-- no longer local_version has changed here since; one missing here is new here.
CREATE TABLE sync_base (
	kind TEXT NOT NULL,
	rkey TEXT NOT NULL,              -- the key values joined by '/'
	server_version TEXT NOT NULL,
	local_version TEXT NOT NULL,
	PRIMARY KEY (kind, rkey)
);

-- The server side: every pushed item applied or refused, by its id, so that a push sent
-- again (a dropped link, kill -9) is answered from here and never applied twice.
CREATE TABLE sync_applied (
	item_id TEXT PRIMARY KEY,
	account TEXT NOT NULL,
	at TEXT NOT NULL,
	status INTEGER NOT NULL,          -- 200 applied, 409 conflict, 403/422/... refused
	message TEXT,
	version TEXT                      -- the record's version after the write
);

-- Both sides: a record changed on both sides since they last agreed, or a change the
-- server refused. Both versions are kept until a person resolves it.
CREATE TABLE sync_conflict (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	account TEXT,
	kind TEXT NOT NULL,
	rkey TEXT NOT NULL,
	status INTEGER NOT NULL,          -- 409 both changed; otherwise why it was refused
	message TEXT,
	mine TEXT,                        -- the pushed record (JSON), NULL: a delete
	theirs TEXT,                      -- the record where it was refused (JSON), NULL: none
	resolved_at TEXT,
	resolution TEXT                   -- 'mine' or 'theirs'
);

PRAGMA user_version = 16;
