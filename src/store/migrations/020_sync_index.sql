-- Incremental pulls and return bundles (docs/sync.md, web/sync_index.c).
-- sync_index: on an instance others sync with, every record it holds (all kinds) with
-- its version and the epoch at which that version was first seen here; a record gone
-- stays as a tombstone (version NULL) so that a pull can tell a client to delete it.
-- A pull or a bundle "since E" carries the records whose epoch is after E. The epoch
-- (sync_state 'index_epoch') moves only when a record changed since the last indexing.
CREATE TABLE sync_index (
	kind TEXT NOT NULL,
	rkey TEXT NOT NULL,              -- the key values joined by '/'
	key TEXT NOT NULL,               -- the key values as a JSON array
	version TEXT,                    -- NULL: deleted
	epoch INTEGER NOT NULL,
	PRIMARY KEY (kind, rkey)
);
CREATE INDEX sync_index_epoch ON sync_index(epoch);

PRAGMA user_version = 20;
