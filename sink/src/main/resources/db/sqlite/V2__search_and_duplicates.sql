-- SQLite: full-text search over title + body, and near-duplicate marks (issue 10).
-- The FTS5 index is an external-content table over a view of articles (the body lives inside the record JSON), kept
-- in step by triggers: the upsert's INSERT and its ON CONFLICT DO UPDATE both fire them. unicode61 tokenizes
-- without stemming, like PostgreSQL's 'simple' configuration, so the same words match on both stores.

ALTER TABLE articles ADD COLUMN duplicate_of TEXT;  -- RawArticle.duplicateOf: id of the first copy, or NULL

CREATE VIEW articles_fts_source AS
    SELECT rowid AS rid, title, json_extract(record, '$.article.body') AS body FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = 'articles_fts_source', content_rowid = 'rid',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.rowid, new.title, json_extract(new.record, '$.article.body'));
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, json_extract(old.record, '$.article.body'));
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, record ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, json_extract(old.record, '$.article.body'));
    INSERT INTO articles_fts (rowid, title, body)
    VALUES (new.rowid, new.title, json_extract(new.record, '$.article.body'));
END;

-- Articles stored before this migration: their marks from the record, and the index built once.
UPDATE articles SET duplicate_of = json_extract(record, '$.article.duplicateOf');
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
