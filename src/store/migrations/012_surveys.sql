-- Migration 12: surveys (spec/data-collection.md, docs/surveys.md): a survey, its
-- questions, each answered on one of the built-in scales (src/core/scale.c), and its
-- answers, one per respondent and question. The report shares each question's
-- answers among the scale's words over the respondents who answered it.

CREATE TABLE survey (
  code        TEXT PRIMARY KEY,
  year        INTEGER NOT NULL,
  title       TEXT NOT NULL,
  conducted   TEXT,            -- YYYY-MM-DD, the day it closed
  population  TEXT,            -- who was asked
  source      TEXT,            -- the source line printed under its figure
  figure      INTEGER          -- its figure's place in the report, NULL: not shown
) WITHOUT ROWID;

CREATE TABLE survey_question (
  survey    TEXT NOT NULL REFERENCES survey(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  question  TEXT NOT NULL,
  text      TEXT NOT NULL,
  label     TEXT,            -- a short form for the figure, NULL: the question's code
  scale     TEXT NOT NULL,
  PRIMARY KEY (survey, question)
) WITHOUT ROWID;

CREATE TABLE survey_answer (
  survey      TEXT NOT NULL,
  respondent  TEXT NOT NULL,
  question    TEXT NOT NULL,
  answer      TEXT NOT NULL,   -- a word of the question's scale, as the scale spells it
  PRIMARY KEY (survey, respondent, question),
  FOREIGN KEY (survey, question) REFERENCES survey_question(survey, question)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) WITHOUT ROWID;

PRAGMA user_version = 12;
