-- Migration 17: one person's attendances found without reading the whole table.
-- A small write (one activity's participants) updates the stored statistics for the
-- people it touched instead of recomputing the year (stats.c); this index is how their
-- other attendances are found. Rows without a person key are people of their own and
-- need no index.
CREATE INDEX attendance_person ON attendance(person_key) WHERE person_key IS NOT NULL;

PRAGMA user_version = 17;
