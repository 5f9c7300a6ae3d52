-- Migration 8: locks in the store. An approved year (table period) and an approved
-- work-plan half-year (wp_period_lock) refuse every write to the records that belong to
-- them, whoever writes: the web application, the records API and `actip import` alike.
-- Each trigger aborts the statement with a message that starts with "locked:" (the
-- importer turns it into a FILE:LINE error and the web application into 409). A year
-- locks: activities by their start year, their participants and feedback, project
-- status of that year, achievements dated in it, expenditure and indicator actuals of
-- that year (periods "YYYY" and "YYYY-Hn"). A half-year locks its status reports.
-- Re-opening the period (deleting its row) lifts the lock. The triggers on the rows an
-- import writes by the thousand (participants, feedback) first ask whether any year is
-- approved at all, a one-page read, so an import into an open database pays next to
-- nothing for them.

CREATE TRIGGER lock_activity_ins BEFORE INSERT ON activity
WHEN EXISTS (SELECT 1 FROM period WHERE year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'locked: the activity''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_activity_upd BEFORE UPDATE ON activity
WHEN EXISTS (SELECT 1 FROM period WHERE year = NEW.year OR year = OLD.year)
BEGIN SELECT RAISE(ABORT, 'locked: the activity''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_activity_del BEFORE DELETE ON activity
WHEN EXISTS (SELECT 1 FROM period WHERE year = OLD.year)
BEGIN SELECT RAISE(ABORT, 'locked: the activity''s year is approved and locked; an admin must re-open it first'); END;

CREATE TRIGGER lock_activity_outcome_ins BEFORE INSERT ON activity_outcome
WHEN EXISTS (SELECT 1 FROM period) AND EXISTS (SELECT 1 FROM activity a JOIN period p ON p.year = a.year WHERE a.id = NEW.activity)
BEGIN SELECT RAISE(ABORT, 'locked: the activity''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_activity_outcome_del BEFORE DELETE ON activity_outcome
WHEN EXISTS (SELECT 1 FROM period) AND EXISTS (SELECT 1 FROM activity a JOIN period p ON p.year = a.year WHERE a.id = OLD.activity)
BEGIN SELECT RAISE(ABORT, 'locked: the activity''s year is approved and locked; an admin must re-open it first'); END;

CREATE TRIGGER lock_attendance_ins BEFORE INSERT ON attendance
WHEN EXISTS (SELECT 1 FROM period) AND EXISTS (SELECT 1 FROM activity a JOIN period p ON p.year = a.year WHERE a.id = NEW.activity)
BEGIN SELECT RAISE(ABORT, 'locked: the participants'' activity year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_attendance_upd BEFORE UPDATE ON attendance
WHEN EXISTS (SELECT 1 FROM period) AND EXISTS (SELECT 1 FROM activity a JOIN period p ON p.year = a.year WHERE a.id = NEW.activity OR a.id = OLD.activity)
BEGIN SELECT RAISE(ABORT, 'locked: the participants'' activity year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_attendance_del BEFORE DELETE ON attendance
WHEN EXISTS (SELECT 1 FROM period) AND EXISTS (SELECT 1 FROM activity a JOIN period p ON p.year = a.year WHERE a.id = OLD.activity)
BEGIN SELECT RAISE(ABORT, 'locked: the participants'' activity year is approved and locked; an admin must re-open it first'); END;

CREATE TRIGGER lock_feedback_ins BEFORE INSERT ON feedback
WHEN EXISTS (SELECT 1 FROM period) AND EXISTS (SELECT 1 FROM activity a JOIN period p ON p.year = a.year WHERE a.id = NEW.activity)
BEGIN SELECT RAISE(ABORT, 'locked: the feedback''s activity year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_feedback_upd BEFORE UPDATE ON feedback
WHEN EXISTS (SELECT 1 FROM period) AND EXISTS (SELECT 1 FROM activity a JOIN period p ON p.year = a.year WHERE a.id = NEW.activity OR a.id = OLD.activity)
BEGIN SELECT RAISE(ABORT, 'locked: the feedback''s activity year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_feedback_del BEFORE DELETE ON feedback
WHEN EXISTS (SELECT 1 FROM period) AND EXISTS (SELECT 1 FROM activity a JOIN period p ON p.year = a.year WHERE a.id = OLD.activity)
BEGIN SELECT RAISE(ABORT, 'locked: the feedback''s activity year is approved and locked; an admin must re-open it first'); END;

CREATE TRIGGER lock_project_status_ins BEFORE INSERT ON project_status
WHEN EXISTS (SELECT 1 FROM period WHERE year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'locked: the project status''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_project_status_upd BEFORE UPDATE ON project_status
WHEN EXISTS (SELECT 1 FROM period WHERE year = NEW.year OR year = OLD.year)
BEGIN SELECT RAISE(ABORT, 'locked: the project status''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_project_status_del BEFORE DELETE ON project_status
WHEN EXISTS (SELECT 1 FROM period WHERE year = OLD.year)
BEGIN SELECT RAISE(ABORT, 'locked: the project status''s year is approved and locked; an admin must re-open it first'); END;

CREATE TRIGGER lock_achievement_ins BEFORE INSERT ON achievement
WHEN EXISTS (SELECT 1 FROM period WHERE year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'locked: the achievement''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_achievement_upd BEFORE UPDATE ON achievement
WHEN EXISTS (SELECT 1 FROM period WHERE year = NEW.year OR year = OLD.year)
BEGIN SELECT RAISE(ABORT, 'locked: the achievement''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_achievement_del BEFORE DELETE ON achievement
WHEN EXISTS (SELECT 1 FROM period WHERE year = OLD.year)
BEGIN SELECT RAISE(ABORT, 'locked: the achievement''s year is approved and locked; an admin must re-open it first'); END;

CREATE TRIGGER lock_expenditure_ins BEFORE INSERT ON expenditure
WHEN EXISTS (SELECT 1 FROM period WHERE year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'locked: the expenditure''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_expenditure_upd BEFORE UPDATE ON expenditure
WHEN EXISTS (SELECT 1 FROM period WHERE year = NEW.year OR year = OLD.year)
BEGIN SELECT RAISE(ABORT, 'locked: the expenditure''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_expenditure_del BEFORE DELETE ON expenditure
WHEN EXISTS (SELECT 1 FROM period WHERE year = OLD.year)
BEGIN SELECT RAISE(ABORT, 'locked: the expenditure''s year is approved and locked; an admin must re-open it first'); END;

CREATE TRIGGER lock_indicator_actual_ins BEFORE INSERT ON indicator_actual
WHEN EXISTS (SELECT 1 FROM period WHERE year = CAST(substr(NEW.period, 1, 4) AS INTEGER))
BEGIN SELECT RAISE(ABORT, 'locked: the indicator value''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_indicator_actual_upd BEFORE UPDATE ON indicator_actual
WHEN EXISTS (SELECT 1 FROM period WHERE year = CAST(substr(NEW.period, 1, 4) AS INTEGER)
             OR year = CAST(substr(OLD.period, 1, 4) AS INTEGER))
BEGIN SELECT RAISE(ABORT, 'locked: the indicator value''s year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_indicator_actual_del BEFORE DELETE ON indicator_actual
WHEN EXISTS (SELECT 1 FROM period WHERE year = CAST(substr(OLD.period, 1, 4) AS INTEGER))
BEGIN SELECT RAISE(ABORT, 'locked: the indicator value''s year is approved and locked; an admin must re-open it first'); END;

CREATE TRIGGER lock_wp_status_ins BEFORE INSERT ON wp_status
WHEN EXISTS (SELECT 1 FROM wp_item i JOIN wp_period_lock l ON l.plan = i.plan
             WHERE i.item_id = NEW.item AND l.period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'locked: the work-plan half-year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_wp_status_upd BEFORE UPDATE ON wp_status
WHEN EXISTS (SELECT 1 FROM wp_item i JOIN wp_period_lock l ON l.plan = i.plan
             WHERE (i.item_id = NEW.item AND l.period = NEW.period) OR (i.item_id = OLD.item AND l.period = OLD.period))
BEGIN SELECT RAISE(ABORT, 'locked: the work-plan half-year is approved and locked; an admin must re-open it first'); END;
CREATE TRIGGER lock_wp_status_del BEFORE DELETE ON wp_status
WHEN EXISTS (SELECT 1 FROM wp_item i JOIN wp_period_lock l ON l.plan = i.plan
             WHERE i.item_id = OLD.item AND l.period = OLD.period)
BEGIN SELECT RAISE(ABORT, 'locked: the work-plan half-year is approved and locked; an admin must re-open it first'); END;

-- A status report corrected after it was first filed keeps its first date (timeliness
-- counts from it) and records the correction's date here.
ALTER TABLE wp_status ADD COLUMN corrected_on TEXT;

-- An upload waiting for its "confirm" remembers whether its participants and feedback
-- are added to the stored ones (the upload page's choice) or replace them.
ALTER TABLE pending_upload ADD COLUMN append INTEGER NOT NULL DEFAULT 0 CHECK (append IN (0,1));

PRAGMA user_version = 8;
