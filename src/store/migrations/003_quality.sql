-- Migration 3: reserved for the main branch (data quality); replaced there at merge.
PRAGMA user_version = 3;
