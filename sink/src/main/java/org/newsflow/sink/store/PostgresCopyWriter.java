package org.newsflow.sink.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.RawArticle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The PostgreSQL write path: binary {@code COPY} instead of multi-row INSERTs with thousands of bind parameters.
 * Same semantics as the shared path in {@link JdbcArticleStore}, within the caller's transaction:
 * <ol>
 *   <li>the article rows are copied into a session-local staging table, {@code pg_temp.newsflow_stage_articles}
 *       (TEMP: no WAL, no locks shared with other sessions; {@code ON COMMIT DELETE ROWS} empties it);</li>
 *   <li>one set-based {@code INSERT INTO articles SELECT ... FROM staging ON CONFLICT (id) DO UPDATE ... WHERE
 *       articles.version < excluded.version RETURNING id} gives the ids whose row is now ours;</li>
 *   <li>for the ids that replaced an older row, one {@code DELETE ... WHERE article_id = ANY(?)} per tag table;
 *       then the tag rows of all the ids that won are copied straight into the tag tables.</li>
 * </ol>
 * Inserted or replaced: {@code RETURNING xmax = 0} is true for a row this statement inserted. A row that ON
 * CONFLICT DO UPDATE replaced carries the statement's own row lock in {@code xmax} (PostgreSQL 9.5 to 17; from 18,
 * {@code RETURNING old.id} says the same officially). Skipping the tag DELETEs for new articles matters: with a
 * thousand ids PostgreSQL plans them as sequential scans of the tag tables, whose cost grows with the table.
 * The contract tests (replays, out-of-order versions) fail if a replaced article kept an old tag row.
 * Binary COPY needs no escaping (tabs, newlines, backslashes, quotes travel as plain UTF-8 bytes). A value the
 * server rejects (a NUL character in a text column, JSON that does not parse) fails the whole COPY with SQLSTATE class 22,
 * which is a data error: the caller then writes the records one by one and dead-letters the rejected ones.
 */
final class PostgresCopyWriter {
    static final String STAGING = "pg_temp.newsflow_stage_articles";

    /**
     * Run once per new pooled connection (HikariCP connectionInitSql): the session's staging table, its record
     * column lz4-compressed where the server was built with lz4 (feature_not_supported elsewhere: keep the default).
     */
    static final String SESSION_INIT = "SET temp_buffers = '32MB'; "
            + "CREATE TEMP TABLE IF NOT EXISTS newsflow_stage_articles (id TEXT, version BIGINT, article_time BIGINT,"
            + " published_at BIGINT, ingested_at BIGINT, enriched_at BIGINT, language TEXT, source TEXT, url TEXT,"
            + " title TEXT, stored_at BIGINT, duplicate_of TEXT, record JSON) ON COMMIT DELETE ROWS; "
            + "DO $$ BEGIN ALTER TABLE pg_temp.newsflow_stage_articles ALTER COLUMN record SET COMPRESSION lz4;"
            + " EXCEPTION WHEN feature_not_supported THEN NULL; END $$";

    private static final String[] ARTICLE_COLUMNS = ArticleRows.ARTICLE_COLUMNS.toArray(new String[0]);
    private static final String UPSERT;
    private static final String[] DELETE_TAGS = new String[ArticleRows.TAG_TABLES.length];
    private static final String[] COPY_TAGS = new String[ArticleRows.TAG_TABLES.length];
    private static final int[][] TAG_TYPES = new int[ArticleRows.TAG_TABLES.length][];

    private static final int TEXT = 0, INT = 1, LONG = 2, BOOL = 3;

    static {
        String columns = String.join(", ", ARTICLE_COLUMNS);
        StringJoiner updates = new StringJoiner(", ");
        for (String column : ARTICLE_COLUMNS) {
            if (!column.equals("id")) {
                updates.add(column + " = excluded." + column);
            }
        }
        UPSERT = "INSERT INTO articles (" + columns + ") SELECT " + columns + " FROM " + STAGING
                + " ON CONFLICT (id) DO UPDATE SET " + updates + " WHERE articles.version < excluded.version RETURNING id, xmax = 0";
        for (int t = 0; t < ArticleRows.TAG_TABLES.length; t++) {
            String[] spec = ArticleRows.TAG_TABLES[t];
            List<String> names = new ArrayList<>();
            int[] types = new int[spec.length - 1];
            for (int i = 1; i < spec.length; i++) {
                String[] parts = spec[i].split(":");
                names.add(parts[0]);
                types[i - 1] = parts.length == 1 ? TEXT : switch (parts[1]) {
                    case "int" -> INT;
                    case "long" -> LONG;
                    case "bool" -> BOOL;
                    default -> throw new IllegalArgumentException(spec[i]);
                };
            }
            TAG_TYPES[t] = types;
            DELETE_TAGS[t] = "DELETE FROM " + spec[0] + " WHERE article_id = ANY(?)";
            COPY_TAGS[t] = "COPY " + spec[0] + " (" + String.join(", ", names) + ") FROM STDIN (FORMAT binary)";
        }
    }

    private PostgresCopyWriter() {}

    /** Writes the candidates (one version per id) in the caller's transaction; returns the ids that won. */
    static Set<String> write(Connection c, List<ArticleVersion> candidates, long now) throws SQLException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<ArticleVersion> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(ArticleVersion::id)); // the same lock order in every writer and instance

        BinaryCopy articles = new BinaryCopy(sorted.size() * 4096);
        for (ArticleVersion v : sorted) {
            EnrichedArticle a = v.article();
            RawArticle raw = a.article();
            articles.row(ARTICLE_COLUMNS.length);
            articles.text(a.id());
            articles.int8(v.version());
            articles.int8(ArticleRows.articleTime(a));
            articles.int8(raw == null ? null : ArticleRows.millis(raw.publishedAt()));
            articles.int8(raw == null ? null : ArticleRows.millis(raw.ingestedAt()));
            articles.int8(a.enrichedAt() == null ? 0L : ArticleRows.millis(a.enrichedAt()));
            articles.text(a.language() != null ? a.language() : raw == null ? null : raw.language());
            articles.text(raw == null ? null : raw.source());
            articles.text(raw == null ? null : raw.url());
            articles.text(raw == null ? "" : raw.title());
            articles.int8(now);
            articles.text(raw == null ? null : raw.duplicateOf());
            articles.text(v.json()); // json's binary form is its UTF-8 text
        }
        articles.copyIn(copy, "COPY " + STAGING + " (" + String.join(", ", ARTICLE_COLUMNS) + ") FROM STDIN (FORMAT binary)");

        Set<String> won = new HashSet<>();
        List<String> replaced = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(UPSERT); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                won.add(rs.getString(1));
                if (!rs.getBoolean(2)) {
                    replaced.add(rs.getString(1));
                }
            }
        }
        if (won.isEmpty()) {
            return won;
        }
        // Only a replaced article can have tag rows (they are written with their article row, in its transaction).
        if (!replaced.isEmpty()) {
            Array ids = c.createArrayOf("text", replaced.toArray(new String[0]));
            for (String delete : DELETE_TAGS) {
                try (PreparedStatement ps = c.prepareStatement(delete)) {
                    ps.setArray(1, ids);
                    ps.executeUpdate();
                }
            }
        }
        BinaryCopy[] tags = new BinaryCopy[COPY_TAGS.length];
        for (int t = 0; t < tags.length; t++) {
            tags[t] = new BinaryCopy(won.size() * 256);
        }
        for (ArticleVersion v : sorted) {
            if (won.contains(v.id())) {
                ArticleRows.tagRows(v.article(), (table, values) -> tags[table].row(TAG_TYPES[table], values));
            }
        }
        for (int t = 0; t < tags.length; t++) {
            if (tags[t].rows > 0) {
                tags[t].copyIn(copy, COPY_TAGS[t]);
            }
        }
        return won;
    }

    /** PostgreSQL's binary COPY format: a header, then per row a field count and per field a length and the bytes. */
    static final class BinaryCopy {
        private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
        private final Buffer bytes;
        private final DataOutputStream out;
        int rows;

        BinaryCopy(int capacity) {
            bytes = new Buffer(Math.max(64, capacity));
            out = new DataOutputStream(bytes);
            try {
                out.write(SIGNATURE);
                out.writeInt(0); // flags
                out.writeInt(0); // header extension length
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(int fields) {
            rows++;
            try {
                out.writeShort(fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(int[] types, Object[] values) {
            if (types.length != values.length) {
                throw new IllegalArgumentException("expected " + types.length + " values, got " + Arrays.toString(values));
            }
            row(values.length);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                switch (types[i]) {
                    case TEXT -> text((String) v);
                    case INT -> int4((Integer) v);
                    case LONG -> int8((Long) v);
                    case BOOL -> bool((Boolean) v);
                    default -> throw new IllegalStateException();
                }
            }
        }

        void text(String s) {
            try {
                if (s == null) {
                    out.writeInt(-1);
                } else {
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }


        void int8(Long n) {
            try {
                if (n == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(8);
                    out.writeLong(n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void int4(Integer n) {
            try {
                if (n == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(4);
                    out.writeInt(n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void bool(Boolean b) {
            try {
                if (b == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(1);
                    out.writeByte(b ? 1 : 0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long copyIn(CopyManager copy, String sql) throws SQLException {
            try {
                out.writeShort(-1); // trailer
                out.flush();
                return copy.copyIn(sql, new ByteArrayInputStream(bytes.array(), 0, bytes.size()), 256 * 1024);
            } catch (IOException e) {
                throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
            }
        }
    }

    /** A ByteArrayOutputStream whose array can be read without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int capacity) {
            super(capacity);
        }

        byte[] array() {
            return buf;
        }
    }
}
