-- Pseudonymisation mode (issue 6; `actip privacy init`). One row when the database is
-- pseudonymised: participant names and e-mails are never stored, and the person key is
-- a keyed BLAKE2b of the clear key whose 32-byte key lives in a file outside the
-- database (ACTIP_PSEUDONYM_KEY). key_check is BLAKE2b(key, "actip key check"), so a
-- wrong key file is refused instead of silently making every person a new one.
CREATE TABLE privacy (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  mode      TEXT NOT NULL CHECK (mode = 'pseudonymised'),
  key_check TEXT NOT NULL,
  since     TEXT NOT NULL
);

PRAGMA user_version = 7;
