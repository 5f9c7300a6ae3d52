-- Migration 15: a work-plan line may cite an ACTIP article with its paragraph (`14(6)`)
-- as well as a whole article (`14`): wp_item_article gains the paragraph ('' for the
-- whole article) in its key. Nothing references the table, so it is rebuilt in place.

CREATE TABLE wp_item_article_new (
  item      TEXT NOT NULL REFERENCES wp_item(item_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  article   INTEGER NOT NULL,
  paragraph TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (item, article, paragraph)
) WITHOUT ROWID;
INSERT INTO wp_item_article_new(item, article) SELECT item, article FROM wp_item_article;
DROP TABLE wp_item_article;
ALTER TABLE wp_item_article_new RENAME TO wp_item_article;

PRAGMA user_version = 15;
