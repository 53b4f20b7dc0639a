-- newsflow sink schema. One file for SQLite and PostgreSQL: the only differences are ${json_type}
-- (JSONB on PostgreSQL, TEXT on SQLite) and ${json_compression} (PostgreSQL 14+: LZ4 TOAST compression,
-- several times cheaper to write than the default pglz for ~5 KB records; nothing on SQLite).
-- Times are epoch milliseconds (UTC) in BIGINT columns, so time filters, ordering and hour/day buckets
-- are the same integer SQL on both databases.
-- No foreign keys: child rows are replaced in the same transaction as their article, by the sink only.
-- Indexes: each one costs every write, so only those the API's queries use. Time windows over all keys
-- (dashboard stats) go through articles_time_idx and the child tables' primary keys (article_id first);
-- per-key lookups ("articles about AM") through the (key, article_time) indexes.

CREATE TABLE articles (
    id            TEXT         NOT NULL PRIMARY KEY,
    version       BIGINT       NOT NULL,  -- enrichedAt in epoch microseconds: an older version never overwrites a newer
    article_time  BIGINT       NOT NULL,  -- publishedAt, else ingestedAt, else enrichedAt (ms): what "newest first" means
    published_at  BIGINT,
    ingested_at   BIGINT,
    enriched_at   BIGINT       NOT NULL,
    language      TEXT,
    source        TEXT,
    url           TEXT,
    title         TEXT         NOT NULL,
    stored_at     BIGINT       NOT NULL,  -- when the sink wrote this version (ms)
    record        ${json_type} ${json_compression} NOT NULL   -- the full enriched record
);
CREATE INDEX articles_time_idx ON articles (article_time, id);
CREATE INDEX articles_source_time_idx ON articles (source, article_time);

CREATE TABLE article_country (
    article_id    TEXT         NOT NULL,
    code          TEXT         NOT NULL,  -- ISO 3166-1 alpha-2
    alpha3        TEXT,
    name          TEXT,
    mentions      INTEGER      NOT NULL,
    focus         BOOLEAN      NOT NULL,
    article_time  BIGINT       NOT NULL,
    PRIMARY KEY (article_id, code)
);
CREATE INDEX article_country_code_time_idx ON article_country (code, article_time);

CREATE TABLE article_person (
    article_id    TEXT         NOT NULL,
    person_key    TEXT NOT NULL,  -- PersonTag.key, stable across articles
    name          TEXT NOT NULL,
    name_norm     TEXT NOT NULL,  -- lower-cased name, for case-insensitive lookup
    country       TEXT,
    titles        TEXT,
    mentions      INTEGER      NOT NULL,
    article_time  BIGINT       NOT NULL,
    PRIMARY KEY (article_id, person_key)
);
CREATE INDEX article_person_key_time_idx ON article_person (person_key, article_time);
CREATE INDEX article_person_name_idx ON article_person (name_norm);

CREATE TABLE article_organization (
    article_id    TEXT         NOT NULL,
    org_key       TEXT NOT NULL,  -- lower-cased canonical name
    name          TEXT NOT NULL,
    acronym       TEXT,
    acronym_norm  TEXT,
    type          TEXT,
    country       TEXT,
    mentions      INTEGER      NOT NULL,
    article_time  BIGINT       NOT NULL,
    PRIMARY KEY (article_id, org_key)
);
CREATE INDEX article_organization_key_time_idx ON article_organization (org_key, article_time);
CREATE INDEX article_organization_acronym_idx ON article_organization (acronym_norm);

CREATE TABLE events (
    article_id        TEXT NOT NULL,
    seq               INTEGER      NOT NULL,  -- position in the article's event list
    type              TEXT  NOT NULL,  -- PLOVER
    mode              TEXT,
    cameo_root        TEXT,
    quad_class        INTEGER      NOT NULL,
    source_country    TEXT,
    source_name       TEXT,
    source_sector     TEXT,
    target_country    TEXT,
    target_name       TEXT,
    target_sector     TEXT,
    event_date        TEXT,            -- yyyy-MM-dd, yyyy-MM or yyyy
    location_country  TEXT,
    place             TEXT,
    dead              INTEGER,
    injured           INTEGER,
    casualties_at_least BOOLEAN,
    negated           BOOLEAN      NOT NULL,
    hypothetical      BOOLEAN      NOT NULL,
    trigger_text      TEXT,
    article_time      BIGINT       NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX events_type_time_idx ON events (type, article_time);
