-- Migration 17: two disaggregations of issue 20.
-- An indicator may be disaggregated by disability (participants or people trained who
-- reported one), beside sex and country.
-- A project may cite the ACTIP articles it serves, whole (`14`) or by paragraph
-- (`14(6)`, paragraph '' for the whole article), as work-plan lines do (migration 15);
-- "About the ACTIP" lists the projects serving each article.

ALTER TABLE indicator ADD COLUMN by_disability INTEGER NOT NULL DEFAULT 0
  CHECK (by_disability IN (0,1));

CREATE TABLE project_article (
  project   TEXT NOT NULL REFERENCES project(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  article   INTEGER NOT NULL,
  paragraph TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (project, article, paragraph)
) WITHOUT ROWID;

PRAGMA user_version = 17;
