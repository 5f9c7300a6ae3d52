-- Migration 13: the annual report's narrative, per year, written by admins
-- (docs/narrative.md): the document information, the foreword, the "about" text and the
-- contact details, each Markdown; and the list of abbreviations.

CREATE TABLE narrative (
  year     INTEGER NOT NULL,
  section  TEXT NOT NULL CHECK (section IN ('document_information','foreword','about','contact')),
  text     TEXT NOT NULL,
  PRIMARY KEY (year, section)
) WITHOUT ROWID;

CREATE TABLE abbreviation (
  year          INTEGER NOT NULL,
  abbreviation  TEXT NOT NULL,
  meaning       TEXT NOT NULL,
  PRIMARY KEY (year, abbreviation)
) WITHOUT ROWID;

PRAGMA user_version = 13;
