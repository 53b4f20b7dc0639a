-- CAMEO 01x public statements (EnrichedArticle.statements, issue 13): not events (no PLOVER type), so a table of
-- their own; the events table and every event count stay as they were. Same SQL on both databases. Articles stored
-- before this migration have no rows here until they are enriched again (their records carry no statements).

CREATE TABLE statements (
    article_id        TEXT         NOT NULL,
    seq               INTEGER      NOT NULL,  -- position in the article's statement list
    cameo_code        TEXT         NOT NULL,  -- 010 make statement ... 019 express accord, or a 4-digit refinement
    source_country    TEXT,
    source_name       TEXT,
    source_sector     TEXT,
    target_country    TEXT,
    target_name       TEXT,
    target_sector     TEXT,
    statement_date    TEXT,            -- yyyy-MM-dd, yyyy-MM or yyyy
    negated           BOOLEAN      NOT NULL,
    hypothetical      BOOLEAN      NOT NULL,
    trigger_text      TEXT,
    article_time      BIGINT       NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX statements_code_time_idx ON statements (cameo_code, article_time);
