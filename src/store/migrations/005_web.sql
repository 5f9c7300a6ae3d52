-- Migration 5: the web application's accounts, sessions, login failures, audit log,
-- approved (locked) periods and uploads waiting for confirmation.
-- Passwords are stored only as libsodium argon2id strings and session tokens only as
-- BLAKE2b hashes, so a copy of the file gives no way to sign in.

CREATE TABLE app_user (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  role       TEXT NOT NULL CHECK (role IN ('admin','focal_point','country_officer','viewer')),
  -- a focal point belongs to one sectoral body, a country officer to one country
  body       TEXT,
  country    TEXT REFERENCES country(code),
  pw_hash    TEXT NOT NULL,
  disabled   INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  created_at TEXT NOT NULL,
  CHECK (role <> 'focal_point' OR body IS NOT NULL),
  CHECK (role <> 'country_officer' OR country IS NOT NULL)
);

-- token_hash = BLAKE2b-256 of the 256-bit token in the cookie; times are Unix seconds.
CREATE TABLE app_session (
  token_hash BLOB PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created    INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX app_session_user ON app_session(user_id);

-- One row per failed sign-in, kept for the lockout windows (account and address).
CREATE TABLE login_failure (
  user_name TEXT NOT NULL,
  addr      TEXT NOT NULL,
  at        INTEGER NOT NULL
);
CREATE INDEX login_failure_user ON login_failure(user_name, at);
CREATE INDEX login_failure_addr ON login_failure(addr, at);

-- Who changed what, when (UTC, ISO 8601), with old and new values as JSON text.
-- Never holds passwords, tokens or participant names.
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT,
  addr      TEXT,
  action    TEXT NOT NULL,
  entity    TEXT,
  key       TEXT,
  old_value TEXT,
  new_value TEXT
);

-- A report year an admin approved: its activities, participants and feedback are locked.
CREATE TABLE period (
  year        INTEGER PRIMARY KEY,
  approved_by TEXT NOT NULL,
  approved_at TEXT NOT NULL
);

-- A checked upload waiting for its "confirm" (id_hash as for sessions).
-- A work plan's half-year reporting round, approved: its status reports are locked.
CREATE TABLE wp_period_lock (
  plan        TEXT NOT NULL REFERENCES wp_plan(plan) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  period      TEXT NOT NULL,  -- YYYY-H1 or YYYY-H2
  approved_by TEXT NOT NULL,
  approved_at TEXT NOT NULL,
  PRIMARY KEY (plan, period)
) WITHOUT ROWID;

CREATE TABLE pending_upload (
  id_hash    BLOB PRIMARY KEY,
  token_hash BLOB NOT NULL,
  template   TEXT NOT NULL,
  body       BLOB NOT NULL,
  created    INTEGER NOT NULL
) WITHOUT ROWID;

PRAGMA user_version = 5;
