-- Migration 6: indicators with baselines, targets per period and entered actuals.
-- An indicator's actual is either computed from the stored records by a named measure
-- with optional filters (src/indicators/measure.c), or entered period by period
-- (indicator_actual). Percentages are stored as numerator and denominator, never as a
-- ready-made percentage, so that a year or a cumulative total can be recomputed from
-- them instead of averaging percentages.

CREATE TABLE indicator (
  code           TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  outcome        TEXT REFERENCES framework(code) DEFERRABLE INITIALLY DEFERRED,
  unit           TEXT NOT NULL CHECK (unit IN ('number','percentage')),
  ascending      INTEGER NOT NULL DEFAULT 1 CHECK (ascending IN (0,1)),
  cumulative     INTEGER NOT NULL DEFAULT 0 CHECK (cumulative IN (0,1)),
  by_sex         INTEGER NOT NULL DEFAULT 0 CHECK (by_sex IN (0,1)),
  by_country     INTEGER NOT NULL DEFAULT 0 CHECK (by_country IN (0,1)),
  -- NULL: actuals are entered (indicator_actual)
  measure        TEXT,
  filter_type    TEXT,
  filter_country TEXT REFERENCES country(code) DEFERRABLE INITIALLY DEFERRED,
  filter_project TEXT REFERENCES project(code) DEFERRABLE INITIALLY DEFERRED,
  filter_outcome TEXT REFERENCES framework(code) DEFERRABLE INITIALLY DEFERRED,
  baseline_year  INTEGER,
  baseline_micro INTEGER,
  description    TEXT
) WITHOUT ROWID;

-- period: 'YYYY' or 'YYYY-H1' / 'YYYY-H2'; value in millionths (a percentage target
-- of 75.5 is 75500000).
CREATE TABLE indicator_target (
  indicator   TEXT NOT NULL REFERENCES indicator(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  period      TEXT NOT NULL,
  value_micro INTEGER NOT NULL,
  PRIMARY KEY (indicator, period)
) WITHOUT ROWID;

-- Entered actuals. sex = '' and country = '' is the indicator's total; other rows are
-- its disaggregations. A number is value_micro; a percentage is numerator/denominator.
CREATE TABLE indicator_actual (
  indicator   TEXT NOT NULL REFERENCES indicator(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  period      TEXT NOT NULL,
  sex         TEXT NOT NULL DEFAULT '',
  country     TEXT NOT NULL DEFAULT '',
  value_micro INTEGER,
  numerator   INTEGER,
  denominator INTEGER,
  note        TEXT,
  PRIMARY KEY (indicator, period, sex, country)
) WITHOUT ROWID;

PRAGMA user_version = 6;
