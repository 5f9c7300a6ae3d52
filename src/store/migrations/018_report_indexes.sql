-- Migration 18: indexes that spare a write or a report a pass over a large table.
--
-- One person's attendances found without reading the whole table: a small write (one
-- activity's participants) updates the stored statistics for the people it touched
-- instead of recomputing the year (stats.c). Rows without a person key are people of
-- their own and need no index.
CREATE INDEX attendance_person ON attendance(person_key) WHERE person_key IS NOT NULL;

-- The year's activities by type and country, from the index alone (Tables 1 and 2
-- counted them by reading every activity row of the year).
DROP INDEX activity_year;
CREATE INDEX activity_year ON activity(year, type, country);

PRAGMA user_version = 18;
