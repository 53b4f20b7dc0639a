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
    };

    /** SQL for a parameter holding the full record as JSON text: JSON on PostgreSQL, TEXT on SQLite. */
    public abstract String jsonValue(String placeholder);

    /** Pool size and connection properties. */
    abstract void configure(HikariConfig config);

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
