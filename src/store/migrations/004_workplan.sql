-- Migration 4: cross-sectoral work plans (the Bohol TIP Work Plan and its successors) and
-- their monitoring: bodies and focal points, plans, action lines, the half-yearly status
-- reports, meetings and their follow-up decisions, the plan's adoption steps, and the
-- consultation inputs on a draft. spec/workplan-monitoring.md, docs/workplan-templates.md.
-- Lists (cooperating bodies, ACTIP articles, follow-up bodies) are kept as link tables.

CREATE TABLE wp_body (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sectoral_body','organ','secretariat','partner'))
) WITHOUT ROWID;

CREATE TABLE wp_focal_point (
  body  TEXT NOT NULL REFERENCES wp_body(code) DEFERRABLE INITIALLY DEFERRED,
  name  TEXT NOT NULL,
  email TEXT,
  role  TEXT,
  PRIMARY KEY (body, name)
) WITHOUT ROWID;

CREATE TABLE wp_plan (
  plan        TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  start_year  INTEGER NOT NULL,
  end_year    INTEGER NOT NULL,
  overseen_by TEXT REFERENCES wp_body(code) DEFERRABLE INITIALLY DEFERRED,
  CHECK (start_year <= end_year)
) WITHOUT ROWID;

CREATE TABLE wp_item (
  item_id         TEXT PRIMARY KEY,
  plan            TEXT NOT NULL REFERENCES wp_plan(plan) DEFERRABLE INITIALLY DEFERRED,
  seq             INTEGER NOT NULL,  -- line of the item in the file that last stored it
  pillar          TEXT NOT NULL CHECK (pillar IN ('prevention','protection','law_enforcement','cooperation')),
  apa_provision   TEXT,
  area            TEXT,
  activity        TEXT NOT NULL,
  lead_body       TEXT NOT NULL REFERENCES wp_body(code) DEFERRABLE INITIALLY DEFERRED,
  start_year      INTEGER,
  end_year        INTEGER,
  expected_output TEXT,
  outcome         TEXT,
  indicator       TEXT,
  target          TEXT
) WITHOUT ROWID;
CREATE INDEX wp_item_plan ON wp_item(plan, seq);

CREATE TABLE wp_item_body (
  item TEXT NOT NULL REFERENCES wp_item(item_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  body TEXT NOT NULL REFERENCES wp_body(code) DEFERRABLE INITIALLY DEFERRED,
  pos  INTEGER NOT NULL,
  PRIMARY KEY (item, body)
) WITHOUT ROWID;

CREATE TABLE wp_item_article (
  item    TEXT NOT NULL REFERENCES wp_item(item_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  article INTEGER NOT NULL,
  PRIMARY KEY (item, article)
) WITHOUT ROWID;

-- period is YYYY-H1 or YYYY-H2; pidx = 2 * YYYY + (H - 1) orders periods.
CREATE TABLE wp_status (
  item        TEXT NOT NULL REFERENCES wp_item(item_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  period      TEXT NOT NULL,
  pidx        INTEGER NOT NULL,
  body        TEXT NOT NULL REFERENCES wp_body(code) DEFERRABLE INITIALLY DEFERRED,
  status      TEXT NOT NULL CHECK (status IN ('not_started','ongoing','completed','delayed','cancelled')),
  note        TEXT,
  reported_on TEXT,
  PRIMARY KEY (item, period, body)
) WITHOUT ROWID;

CREATE TABLE wp_meeting (
  meeting TEXT PRIMARY KEY,
  plan    TEXT REFERENCES wp_plan(plan) DEFERRABLE INITIALLY DEFERRED,
  title   TEXT NOT NULL,
  venue   TEXT,
  held_on TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE wp_decision (
  meeting   TEXT NOT NULL REFERENCES wp_meeting(meeting) DEFERRABLE INITIALLY DEFERRED,
  no        INTEGER NOT NULL,
  decision  TEXT NOT NULL,
  timeline  TEXT,
  due_on    TEXT,
  status    TEXT NOT NULL CHECK (status IN ('open','in_progress','done','dropped')),
  done_on   TEXT,
  note      TEXT,
  PRIMARY KEY (meeting, no)
) WITHOUT ROWID;

CREATE TABLE wp_decision_body (
  meeting TEXT NOT NULL,
  no      INTEGER NOT NULL,
  body    TEXT NOT NULL REFERENCES wp_body(code) DEFERRABLE INITIALLY DEFERRED,
  pos     INTEGER NOT NULL,
  PRIMARY KEY (meeting, no, body),
  FOREIGN KEY (meeting, no) REFERENCES wp_decision(meeting, no) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;

CREATE TABLE wp_adoption_step (
  plan    TEXT NOT NULL REFERENCES wp_plan(plan) DEFERRABLE INITIALLY DEFERRED,
  step    TEXT NOT NULL CHECK (step IN ('drafted','circulated','inputs_due','consulted','adopted','noted','recognised')),
  body    TEXT REFERENCES wp_body(code) DEFERRABLE INITIALLY DEFERRED,
  due_on  TEXT,
  done_on TEXT,
  note    TEXT,
  PRIMARY KEY (plan, step)
) WITHOUT ROWID;

-- item is '' for a comment on the plan as a whole.
CREATE TABLE wp_input (
  plan         TEXT NOT NULL REFERENCES wp_plan(plan) DEFERRABLE INITIALLY DEFERRED,
  body         TEXT NOT NULL REFERENCES wp_body(code) DEFERRABLE INITIALLY DEFERRED,
  item         TEXT NOT NULL DEFAULT '',
  submitted_on TEXT NOT NULL,
  comment      TEXT NOT NULL,
  PRIMARY KEY (plan, body, item, submitted_on)
) WITHOUT ROWID;

PRAGMA user_version = 4;
