-- Migration 003: what the data-quality rules and the full annual report need beyond
-- the programme records of 001: settings (the project-code letters, tolerances), the
-- figures printed inside achievements (answer shares, breakdowns), and the figures an
-- earlier published edition printed, kept so they can be reconciled with the records.

-- Settings: key/value text, validated by the program (src/store/settings.c), which
-- also holds each key's default. A key absent here takes its default.
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Figures inside an achievement's text: one row per answer or part of a named set,
-- e.g. set 'use' with labels always/often/sometimes and their printed shares.
-- `parts` = 1 says the counts of the set are parts of the achievement's total.
CREATE TABLE achievement_figure (
  achievement TEXT NOT NULL REFERENCES achievement(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  figset      TEXT NOT NULL,
  label       TEXT NOT NULL,
  share_micro INTEGER CHECK (share_micro IS NULL OR share_micro >= 0),
  count       INTEGER CHECK (count IS NULL OR count >= 0),
  parts       INTEGER NOT NULL DEFAULT 0 CHECK (parts IN (0, 1)),
  PRIMARY KEY (achievement, figset, label)
) WITHOUT ROWID;

-- Figures as printed in a published edition of the report, for reconciliation:
-- a cell of one of the five tables (section table1..table5, row key, column name,
-- value in millionths), or a project listed under a country (section 'projects',
-- row = country, label = project code).
CREATE TABLE published (
  year        INTEGER NOT NULL,
  section     TEXT NOT NULL,
  row         TEXT NOT NULL,
  col         TEXT NOT NULL DEFAULT '',
  label       TEXT NOT NULL DEFAULT '',
  value_micro INTEGER,
  source      TEXT,
  PRIMARY KEY (year, section, row, col, label)
) WITHOUT ROWID;

-- Fix of migration 002: inside the importer's UPSERT on activity, the outer statement's
-- conflict handling overrides the trigger's INSERT OR IGNORE, so editing any stored
-- activity failed with "UNIQUE constraint failed: stats_dirty.year". The same rule,
-- written so that it never conflicts.
DROP TRIGGER activity_dirty_upd;
CREATE TRIGGER activity_dirty_upd AFTER UPDATE OF id, year, type, start_date ON activity BEGIN
  INSERT INTO stats_dirty(year) SELECT y FROM (SELECT OLD.year AS y UNION SELECT NEW.year)
    WHERE y NOT IN (SELECT year FROM stats_dirty);
END;

PRAGMA user_version = 3;
