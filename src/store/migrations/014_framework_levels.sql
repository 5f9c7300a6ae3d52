-- Migration 14: the results framework at the levels of the published Annex 1: besides
-- goal, end-of-program, intermediate and immediate outcomes, project clusters and
-- foundational activities, at any depth. SQLite cannot change a CHECK in place, so the
-- table is rebuilt: its rows are kept aside, the table dropped (its children's deferred
-- references wait), created again and refilled (which satisfies them again) within the
-- migration's transaction.

CREATE TEMP TABLE framework_keep AS SELECT code, level, parent, title FROM framework;
DROP TABLE framework;
CREATE TABLE framework (
  code   TEXT PRIMARY KEY,
  level  TEXT NOT NULL CHECK (level IN ('goal','eopo','intermediate','immediate','cluster',
                                        'foundational')),
  parent TEXT REFERENCES framework(code) DEFERRABLE INITIALLY DEFERRED,
  title  TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO framework(code, level, parent, title) SELECT code, level, parent, title FROM framework_keep;
DROP TABLE temp.framework_keep;

PRAGMA user_version = 14;
