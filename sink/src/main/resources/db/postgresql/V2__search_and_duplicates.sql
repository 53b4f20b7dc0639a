-- PostgreSQL: full-text search over title + body, and near-duplicate marks (issue 10).
-- search is a generated tsvector (title weight A, body B) with a GIN index. The 'simple' configuration does not
-- stem, like SQLite's unicode61 tokenizer, so the same words match on both stores; articles are in many languages.
-- The body is indexed up to its first 100,000 characters: a tsvector holds at most 1 MB, and a record
-- over it would otherwise fail its write.

ALTER TABLE articles ADD COLUMN duplicate_of TEXT;  -- RawArticle.duplicateOf: id of the first copy, or NULL

UPDATE articles SET duplicate_of = record -> 'article' ->> 'duplicateOf'
    WHERE record -> 'article' ->> 'duplicateOf' IS NOT NULL;

ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple', left(coalesce(record -> 'article' ->> 'body', ''), 100000)), 'B')
) STORED;

CREATE INDEX articles_search_idx ON articles USING GIN (search);
