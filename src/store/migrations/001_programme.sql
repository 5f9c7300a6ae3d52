-- Migration 1: the programme's raw records (countries, results framework, projects,
-- activities, attendances, feedback, achievements, partners, expenditure).
-- Foreign keys are DEFERRABLE INITIALLY DEFERRED so that one import run may insert rows
-- in any order inside its single transaction; they are checked at COMMIT.

CREATE TABLE country (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  rank INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE framework (
  code   TEXT PRIMARY KEY,
  level  TEXT NOT NULL CHECK (level IN ('goal','eopo','intermediate','immediate')),
  parent TEXT REFERENCES framework(code) DEFERRABLE INITIALLY DEFERRED,
  title  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE partner (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('government','ngo','un','research','asean_body')),
  country    TEXT REFERENCES country(code) DEFERRABLE INITIALLY DEFERRED,
  started_on TEXT,
  focus      TEXT
) WITHOUT ROWID;

CREATE TABLE project (
  code       TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  country    TEXT NOT NULL REFERENCES country(code) DEFERRABLE INITIALLY DEFERRED,
  focus      TEXT NOT NULL CHECK (focus IN ('national','regional','victim_rights_gesi','inclusive_policy')),
  partner    TEXT,
  start_year INTEGER,
  end_year   INTEGER,
  CHECK (start_year IS NULL OR end_year IS NULL OR start_year <= end_year)
) WITHOUT ROWID;

CREATE TABLE project_outcome (
  project TEXT NOT NULL REFERENCES project(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  outcome TEXT NOT NULL REFERENCES framework(code) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (project, outcome)
) WITHOUT ROWID;

CREATE TABLE project_status (
  project TEXT NOT NULL REFERENCES project(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  year    INTEGER NOT NULL,
  status  TEXT NOT NULL CHECK (status IN ('completed','partly_completed','some_delays','major_delay','on_hold','not_started')),
  note    TEXT,
  PRIMARY KEY (project, year)
) WITHOUT ROWID;

CREATE TABLE activity (
  id         TEXT PRIMARY KEY,
  project    TEXT REFERENCES project(code) DEFERRABLE INITIALLY DEFERRED,
  country    TEXT NOT NULL REFERENCES country(code) DEFERRABLE INITIALLY DEFERRED,
  type       TEXT NOT NULL CHECK (type IN ('capacity_development','meeting','other','staff_event')),
  title      TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  year       INTEGER NOT NULL,
  mode       TEXT CHECK (mode IS NULL OR mode IN ('in_person','online','hybrid'))
) WITHOUT ROWID;
CREATE INDEX activity_year ON activity(year, type);
CREATE INDEX activity_project ON activity(project);

CREATE TABLE activity_outcome (
  activity TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  outcome  TEXT NOT NULL REFERENCES framework(code) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (activity, outcome)
) WITHOUT ROWID;

-- One row per person per activity attended. seq is the row's rank among the rows for
-- its activity in the import that stored it, so that re-importing the same file
-- rewrites identical rows. person_key is the identity of data-collection.md
-- ("i:" person_id, "e:" e-mail, "n:" name key|sex|country), NULL when the row has none
-- (then the row is a person of its own).
CREATE TABLE attendance (
  activity     TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq          INTEGER NOT NULL,
  person_key   TEXT,
  person_id    TEXT,
  email        TEXT,
  full_name    TEXT,
  -- OR chains rather than IN lists: SQLite builds a temporary index for a CHECK with
  -- an IN list of three or more on every row, which halved the import's speed.
  sex          TEXT NOT NULL CHECK (sex = 'female' OR sex = 'male' OR sex = 'other'),
  country      TEXT NOT NULL REFERENCES country(code) DEFERRABLE INITIALLY DEFERRED,
  organisation TEXT,
  staff        INTEGER NOT NULL DEFAULT 0 CHECK (staff IN (0,1)),
  disability   INTEGER CHECK (disability IS NULL OR disability IN (0,1)),
  PRIMARY KEY (activity, seq)
) WITHOUT ROWID;

CREATE TABLE feedback (
  activity          TEXT NOT NULL REFERENCES activity(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  seq               INTEGER NOT NULL,
  sex               TEXT CHECK (sex IS NULL OR sex = 'female' OR sex = 'male' OR sex = 'other'),
  satisfied         INTEGER CHECK (satisfied IS NULL OR satisfied IN (0,1)),
  met_objectives    INTEGER CHECK (met_objectives IS NULL OR met_objectives IN (0,1)),
  met_expectations  INTEGER CHECK (met_expectations IS NULL OR met_expectations IN (0,1)),
  improved_learning INTEGER CHECK (improved_learning IS NULL OR improved_learning IN (0,1)),
  relevant          INTEGER CHECK (relevant IS NULL OR relevant IN (0,1)),
  understanding     TEXT CHECK (understanding IS NULL OR understanding = 'excellent'
                                 OR understanding = 'good' OR understanding = 'fair'
                                 OR understanding = 'poor'),
  PRIMARY KEY (activity, seq)
) WITHOUT ROWID;

CREATE TABLE achievement (
  id       TEXT PRIMARY KEY,
  project  TEXT REFERENCES project(code) DEFERRABLE INITIALLY DEFERRED,
  country  TEXT REFERENCES country(code) DEFERRABLE INITIALLY DEFERRED,
  partner  TEXT REFERENCES partner(code) DEFERRABLE INITIALLY DEFERRED,
  date     TEXT NOT NULL,
  year     INTEGER NOT NULL,
  text     TEXT NOT NULL,
  total    INTEGER,
  female   INTEGER,
  male     INTEGER,
  other    INTEGER
) WITHOUT ROWID;

CREATE TABLE achievement_outcome (
  achievement TEXT NOT NULL REFERENCES achievement(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  outcome     TEXT NOT NULL REFERENCES framework(code) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (achievement, outcome)
) WITHOUT ROWID;

-- Amounts in millionths of the currency unit, so sums are exact.
CREATE TABLE expenditure (
  year     INTEGER NOT NULL,
  currency TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  amount_micro INTEGER NOT NULL CHECK (amount_micro >= 0),
  PRIMARY KEY (year, currency, category)
) WITHOUT ROWID;

INSERT INTO country(code, name, rank) VALUES
  ('BN','Brunei Darussalam',1), ('KH','Cambodia',2), ('ID','Indonesia',3),
  ('LA','Lao PDR',4), ('MY','Malaysia',5), ('MM','Myanmar',6), ('PH','Philippines',7),
  ('SG','Singapore',8), ('TH','Thailand',9), ('TL','Timor-Leste',10), ('VN','Vietnam',11),
  ('ASEAN','ASEAN/regional',50);
PRAGMA user_version = 1;
