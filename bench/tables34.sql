-- Tables 3 and 4 of the annual report (spec/annual-report.md) computed by the sqlite3
-- shell straight from the CSV files imported with .import (bench/run.sh): the baseline
-- actip is timed against, and the reference its numbers are checked against.
-- Parameter @year (set with .parameter). Output rows: table,country,sex,count.
--
-- Same rules as actip (data-collection.md): staff = yes rows excluded; a person is
-- person_id, else the trimmed lower-cased e-mail, else the name key|sex|country (the
-- name key, NFKC + case folding + white space collapsed, comes from the table
-- name_keys that bench/gen.py writes to ref/name_keys.csv: SQL cannot compute it),
-- else the row alone; each attendance
-- (Table 3) or person (Table 4) is counted under the sex and country of the person's
-- earliest counted attendance: activity start_date, then activity_id, then file order.
WITH att AS MATERIALIZED (
  SELECT COALESCE('i:' || NULLIF(trim(p.person_id), ''),
                  'e:' || NULLIF(lower(trim(p.email)), ''),
                  'n:' || (SELECT k.key FROM name_keys k WHERE k.rid = p.rowid)
                       || '|' || lower(trim(p.sex)) || '|' || trim(p.country),
                  'r:' || p.rowid) AS pk,
         lower(trim(p.sex)) AS sex, trim(p.country) AS country,
         a.start_date, a.activity_id AS act, p.rowid AS rid,
         trim(a.type) = 'capacity_development' AS cd
  FROM participants p JOIN activities a ON a.activity_id = p.activity_id
  WHERE substr(trim(a.start_date), 1, 4) = CAST(@year AS TEXT)
    AND lower(trim(p.staff)) NOT IN ('yes', 'y', '1', 'true')),
t3 AS (
  SELECT sex, country, count(*) OVER w AS n, row_number() OVER (w ORDER BY start_date, act, rid) AS rn
  FROM att WINDOW w AS (PARTITION BY pk)),
t4 AS (
  SELECT sex, country, row_number() OVER (PARTITION BY pk ORDER BY start_date, act, rid) AS rn
  FROM att WHERE cd)
SELECT 'table3', country, sex, sum(n) FROM t3 WHERE rn = 1 GROUP BY country, sex
UNION ALL
SELECT 'table4', country, sex, count(*) FROM t4 WHERE rn = 1 GROUP BY country, sex;
