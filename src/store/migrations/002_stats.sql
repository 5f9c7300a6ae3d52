-- Migration 2: per-year participant statistics (Tables 3 and 4), stored so that a
-- report does not re-rank every attendance of the year.
--
-- The numbers are derived, never typed: triggers mark a year dirty whenever an
-- attendance or an activity of it changes, actip's writers recompute the dirty years
-- inside the same transaction (store_stats_refresh), and a reader that finds its year
-- dirty (say, after an edit through the sqlite3 shell) computes the tables from the
-- raw records instead. So the stored numbers can be stale only while flagged as such.

CREATE TABLE stats_dirty (year INTEGER PRIMARY KEY);

-- trained = 0: every non-staff attendance of the year (Table 3);
-- trained = 1: non-staff attendances at capacity development activities (Table 4).
-- Each person's attendances are counted under the sex and country of their earliest
-- counted attendance.
CREATE TABLE stats_people (
  year        INTEGER NOT NULL,
  trained     INTEGER NOT NULL CHECK (trained IN (0, 1)),
  country     TEXT NOT NULL,
  sex         TEXT NOT NULL,
  attendances INTEGER NOT NULL,
  persons     INTEGER NOT NULL,
  PRIMARY KEY (year, trained, country, sex)
) WITHOUT ROWID;

CREATE TRIGGER attendance_dirty_ins AFTER INSERT ON attendance BEGIN
  INSERT OR IGNORE INTO stats_dirty(year) SELECT year FROM activity WHERE id = NEW.activity;
END;
CREATE TRIGGER attendance_dirty_del AFTER DELETE ON attendance BEGIN
  INSERT OR IGNORE INTO stats_dirty(year) SELECT year FROM activity WHERE id = OLD.activity;
END;
CREATE TRIGGER attendance_dirty_upd AFTER UPDATE ON attendance BEGIN
  INSERT OR IGNORE INTO stats_dirty(year) SELECT year FROM activity WHERE id = OLD.activity;
  INSERT OR IGNORE INTO stats_dirty(year) SELECT year FROM activity WHERE id = NEW.activity;
END;
CREATE TRIGGER activity_dirty_upd AFTER UPDATE OF id, year, type, start_date ON activity BEGIN
  INSERT OR IGNORE INTO stats_dirty(year) VALUES (OLD.year), (NEW.year);
END;
CREATE TRIGGER activity_dirty_del AFTER DELETE ON activity BEGIN
  INSERT OR IGNORE INTO stats_dirty(year) VALUES (OLD.year);
END;

INSERT OR IGNORE INTO stats_dirty(year) SELECT DISTINCT year FROM activity;

PRAGMA user_version = 2;
