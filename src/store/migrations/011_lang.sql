-- The language an account chose for the web pages (a code of src/core/i18n.c such as
-- "lo"); "" when it chose none, so the browser's Accept-Language decides.
ALTER TABLE app_user ADD COLUMN lang TEXT NOT NULL DEFAULT '' CHECK (length(lang) <= 8);

PRAGMA user_version = 11;
