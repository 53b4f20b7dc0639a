package org.newsflow.sink.store;

import com.zaxxer.hikari.HikariConfig;
import java.sql.SQLException;
import java.util.Map;

/**
 * Every difference between the SQLite and the PostgreSQL store, in one place. Everything else (schema, upserts,
 * queries) is the same SQL on both: epoch-millisecond BIGINT columns instead of timestamp types, integer arithmetic
 * for time buckets, {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE ... RETURNING} (SQLite 3.35+).
 */
public enum Dialect {
    SQLITE {
        @Override
        public String jsonValue(String placeholder) {
            return placeholder;
        }

        @Override
        void configure(HikariConfig config) {
            // One writer at a time is all SQLite allows; WAL lets the query API read while the sink writes.
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", "30000");
        }

        @Override
        public boolean isDataError(SQLException e) {
            // SQLITE_TOOBIG 18, SQLITE_CONSTRAINT 19, SQLITE_MISMATCH 20, SQLITE_RANGE 25 (primary result codes)
            int primary = e.getErrorCode() & 0xff;
            return primary == 18 || primary == 19 || primary == 20 || primary == 25;
        }

        @Override
        String textCondition(String alias) {
            return alias + ".rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
        }

        @Override
        String textParameter(SearchText text) {
            return text.fts5Match();
        }

        @Override
        String relevanceJoin(String alias) {
            // bm25: lower is better; the title weighs three times the body
            return " JOIN (SELECT rowid AS rid, bm25(articles_fts, 3.0, 1.0) AS score FROM articles_fts"
                    + " WHERE articles_fts MATCH ?) r ON r.rid = " + alias + ".rowid";
        }

        @Override
        String relevanceOrder() {
            return "r.score ASC";
        }
    },
    POSTGRESQL {
        @Override
        public String jsonValue(String placeholder) {
            return "CAST(" + placeholder + " AS json)";
        }

        @Override
        void configure(HikariConfig config) {
            config.setMaximumPoolSize(8);
            // The session's staging table for the COPY write path (PostgresCopyWriter), created once per connection.
            config.setConnectionInitSql(PostgresCopyWriter.SESSION_INIT);
        }

        @Override
        public boolean isDataError(SQLException e) {
            // SQLSTATE class 22 data exception (bad JSON, NUL bytes, value too long), 23 integrity violation.
            String state = e.getSQLState();
            return state != null && (state.startsWith("22") || state.startsWith("23"));
        }

        @Override
        String textCondition(String alias) {
            return alias + ".search @@ plainto_tsquery('simple', ?)";
        }

        @Override
        String textParameter(SearchText text) {
            return text.plainQuery();
        }

        @Override
        String relevanceJoin(String alias) {
            return " CROSS JOIN plainto_tsquery('simple', ?) AS r(query)";
        }

        @Override
        String relevanceOrder() {
            // title words carry weight A, body words B (the generated column); ts_rank_cd: higher is better
            return "ts_rank_cd(a.search, r.query) DESC";
        }
    };

    /** SQL for a parameter holding the full record as JSON text: JSON on PostgreSQL, TEXT on SQLite. */
    public abstract String jsonValue(String placeholder);

    /** Pool size and connection properties. */
    abstract void configure(HikariConfig config);

    /**
     * Full-text condition on the articles row {@code alias} with one parameter ({@link #textParameter}): the FTS5
     * table {@code articles_fts} on SQLite, the generated {@code tsvector} column {@code search} (GIN index) on
     * PostgreSQL. Both tokenize without stemming, so the same words match on both.
     */
    abstract String textCondition(String alias);

    abstract String textParameter(SearchText text);

    /** A join that gives the relevance score of the row (one parameter: {@link #textParameter}). */
    abstract String relevanceJoin(String alias);

    /** ORDER BY term for best match first, over {@link #relevanceJoin}. */
    abstract String relevanceOrder();

    /** Flyway locations: the shared V1 and this dialect's later migrations (full-text search differs). */
    public String[] migrationLocations() {
        return new String[] {"classpath:db/migration", "classpath:db/" + name().toLowerCase(java.util.Locale.ROOT)};
    }

    /** True when retrying cannot help: the record itself is at fault. Anything else is retried with backoff. */
    public abstract boolean isDataError(SQLException e);

    /**
     * True when batches are written with binary COPY into a TEMP staging table, then one set-based upsert
     * ({@link PostgresCopyWriter}); false for the shared multi-row INSERT path.
     */
    public boolean bulkCopy() {
        return this == POSTGRESQL;
    }

    /**
     * Flyway placeholders: the one schema file's type differences. {@code lz4}: whether the server was built with
     * lz4 (PostgreSQL's official images are; some distribution builds and the embedded test server are not), so the
     * record column is compressed with lz4 where it can be and with the default (pglz) elsewhere. Flyway checksums
     * the file before placeholders are replaced, so either choice validates against the same history.
     */
    public Map<String, String> migrationPlaceholders(boolean lz4) {
        // The record is JSONB on PostgreSQL, as the contract promises consumers (queryable with the JSONB operators and
        // indexable). Writes stage it as JSON (cheap to COPY) and the assignment cast json -> jsonb happens in the upsert.
        return this == POSTGRESQL
                ? Map.of("json_type", "JSONB", "json_compression", lz4 ? "COMPRESSION lz4" : "")
                : Map.of("json_type", "TEXT", "json_compression", "");
    }

    /**
     * Default number of connections one upsert batch is spread over (disjoint sets of ids, one transaction each):
     * PostgreSQL runs each on its own backend, so the server's cores work in parallel; SQLite has a single writer.
     */
    public int defaultWriters() {
        return this == POSTGRESQL ? 2 : 1;
    }
}
