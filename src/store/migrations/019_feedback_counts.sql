-- Migration 19: each activity's feedback counted once, so that a report reads one row
-- per activity instead of every response of the year (Table 5 and the relevance and
-- understanding table; at a million attendances the year's responses took most of a
-- report's time).
--
-- Like the participant statistics (migration 2), the counts are derived, never typed:
-- triggers flag the activity whose feedback changed, actip's writers count the flagged
-- activities again before they commit (store_stats_refresh), and a report that finds
-- any activity flagged (an edit through the sqlite3 shell) counts from the responses.
-- The columns are the answers STATS_FEEDBACK_COUNTS (store/stats.h) counts, in order.
CREATE TABLE feedback_counts (
  activity          TEXT PRIMARY KEY REFERENCES activity(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  respondents       INTEGER NOT NULL,
  female            INTEGER NOT NULL,
  male              INTEGER NOT NULL,
  other             INTEGER NOT NULL,
  satisfied_yes     INTEGER NOT NULL,
  satisfied_n       INTEGER NOT NULL,
  objectives_yes    INTEGER NOT NULL,
  objectives_n      INTEGER NOT NULL,
  expectations_yes  INTEGER NOT NULL,
  expectations_n    INTEGER NOT NULL,
  learning_yes      INTEGER NOT NULL,
  learning_n        INTEGER NOT NULL,
  relevant_yes      INTEGER NOT NULL,
  relevant_n        INTEGER NOT NULL,
  excellent         INTEGER NOT NULL,
  good              INTEGER NOT NULL,
  fair              INTEGER NOT NULL,
  poor              INTEGER NOT NULL,
  understanding_n   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE feedback_dirty (activity TEXT PRIMARY KEY) WITHOUT ROWID;

-- Written so that they never conflict, whatever the outer statement's conflict clause
-- (see migration 3).
CREATE TRIGGER feedback_dirty_ins AFTER INSERT ON feedback BEGIN
  INSERT INTO feedback_dirty(activity) SELECT NEW.activity
    WHERE NEW.activity NOT IN (SELECT activity FROM feedback_dirty);
END;
CREATE TRIGGER feedback_dirty_del AFTER DELETE ON feedback BEGIN
  INSERT INTO feedback_dirty(activity) SELECT OLD.activity
    WHERE OLD.activity NOT IN (SELECT activity FROM feedback_dirty);
END;
CREATE TRIGGER feedback_dirty_upd AFTER UPDATE ON feedback BEGIN
  INSERT INTO feedback_dirty(activity) SELECT a FROM (SELECT OLD.activity AS a UNION SELECT NEW.activity)
    WHERE a NOT IN (SELECT activity FROM feedback_dirty);
END;

INSERT INTO feedback_dirty(activity) SELECT DISTINCT activity FROM feedback;

PRAGMA user_version = 19;
