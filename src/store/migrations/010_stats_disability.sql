-- Migration 10: the disability breakdown of a year's participants, stored beside the
-- counts of Tables 3 and 4 (migration 2) and computed in the same pass over the year's
-- attendances, so that a report over a million attendances does not sort them again.
-- By the country of the participant's record ('TOTAL' for all): non-staff attendances
-- with a disability reported and in all, and people at capacity development events,
-- each once per country their records name (once in the total), with a disability
-- reported on one of those records and in all. Fresh exactly when stats_people is
-- (the same dirty flag, the same refresh).

CREATE TABLE stats_disability (
  year            INTEGER NOT NULL,
  country         TEXT NOT NULL,
  dis_attendances INTEGER NOT NULL,
  attendances     INTEGER NOT NULL,
  dis_trained     INTEGER NOT NULL,
  trained         INTEGER NOT NULL,
  PRIMARY KEY (year, country)
) WITHOUT ROWID;

-- Every stored year is computed again at the next write or read (the table starts empty).
INSERT OR IGNORE INTO stats_dirty(year) SELECT DISTINCT year FROM activity;

PRAGMA user_version = 10;
