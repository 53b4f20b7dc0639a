package org.newsflow.sink.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.RawArticle;

/**
 * The shared write path (SQLite, and PostgreSQL with {@code NEWSFLOW_SINK_COPY=false}): multi-row INSERTs in the
 * caller's transaction. PostgreSQL's default path is {@link PostgresCopyWriter}; both write {@link ArticleRows}.
 */
final class InsertWriter {
    /** Rows per multi-row INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bind-parameter limits. */
    private static final int MAX_PARAMS = 8_000;

    private InsertWriter() {}

    /** Inserts or replaces article rows where ours is newer; returns the ids whose row is now ours. */
    static Set<String> upsertArticles(Connection c, Dialect dialect, List<ArticleVersion> candidates) throws SQLException {
        String[] columns = ArticleRows.ARTICLE_COLUMNS.toArray(new String[0]);
        StringJoiner row = new StringJoiner(", ", "(", ")");
        for (String column : columns) {
            row.add(column.equals("record") ? dialect.jsonValue("?") : "?");
        }
        StringJoiner updates = new StringJoiner(", ");
        for (String column : columns) {
            if (!column.equals("id")) {
                updates.add(column + " = excluded." + column);
            }
        }
        long now = System.currentTimeMillis();
        Set<String> won = new HashSet<>();
        int perStatement = Math.min(256, MAX_PARAMS / columns.length);
        for (int from = 0, n; from < candidates.size(); from += n) {
            n = chunk(candidates.size() - from, perStatement);
            List<ArticleVersion> chunk = candidates.subList(from, from + n);
            String sql = repeatRows("INSERT INTO articles (" + String.join(", ", columns) + ") VALUES ", row.toString(),
                    chunk.size(), " ON CONFLICT (id) DO UPDATE SET " + updates
                            + " WHERE articles.version < excluded.version RETURNING id");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (ArticleVersion v : chunk) {
                    EnrichedArticle a = v.article();
                    RawArticle raw = a.article();
                    ps.setString(i++, a.id());
                    ps.setLong(i++, v.version());
                    ps.setLong(i++, ArticleRows.articleTime(a));
                    setLong(ps, i++, raw == null ? null : ArticleRows.millis(raw.publishedAt()));
                    setLong(ps, i++, raw == null ? null : ArticleRows.millis(raw.ingestedAt()));
                    ps.setLong(i++, a.enrichedAt() == null ? 0L : ArticleRows.millis(a.enrichedAt()));
                    ps.setString(i++, a.language() != null ? a.language() : raw == null ? null : raw.language());
                    ps.setString(i++, raw == null ? null : raw.source());
                    ps.setString(i++, raw == null ? null : raw.url());
                    ps.setString(i++, raw == null ? "" : raw.title());
                    ps.setLong(i++, now);
                    ps.setString(i++, raw == null ? null : raw.duplicateOf());
                    ps.setString(i++, v.json());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        won.add(rs.getString(1));
                    }
                }
            }
        }
        return won;
    }


    /** Deletes the winners' old tag rows and inserts the new ones: a re-enriched article never keeps stale tags. */
    static void replaceTags(Connection c, List<ArticleVersion> winners) throws SQLException {
        if (winners.isEmpty()) {
            return;
        }
        List<String> ids = winners.stream().map(ArticleVersion::id).toList();
        for (String[] spec : ArticleRows.TAG_TABLES) {
            for (int from = 0, n; from < ids.size(); from += n) {
                n = chunk(ids.size() - from, 256);
                List<String> chunk = ids.subList(from, from + n);
                String sql = repeatRows("DELETE FROM " + spec[0] + " WHERE article_id IN (", "?", chunk.size(), ")");
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    ps.executeUpdate();
                }
            }
        }
        RowInserter[] inserters = new RowInserter[ArticleRows.TAG_TABLES.length];
        for (int t = 0; t < ArticleRows.TAG_TABLES.length; t++) {
            inserters[t] = new RowInserter(c, ArticleRows.TAG_TABLES[t][0], Arrays.copyOfRange(ArticleRows.TAG_TABLES[t], 1, ArticleRows.TAG_TABLES[t].length));
        }
        for (ArticleVersion v : winners) {
            ArticleRows.tagRows(v.article(), (table, values) -> inserters[table].add(values));
        }
        for (RowInserter inserter : inserters) {
            inserter.flush();
        }
    }

    /**
     * Rows per multi-row statement: always one of a few fixed sizes, so the same SQL texts repeat and the driver
     * can reuse server-side prepared statements instead of having each one parsed and analysed again.
     */
    static int chunk(int remaining, int max) {
        for (int size : new int[] {max, 64, 16, 4, 1}) {
            if (size <= max && size <= remaining) {
                return size;
            }
        }
        return 1;
    }

    private static final Map<String, String> SQL_CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static String repeatRows(String prefix, String row, int rows, String suffix) {
        return SQL_CACHE.computeIfAbsent(prefix + "|" + rows + "|" + row + "|" + suffix,
                k -> prefix + String.join(", ", Collections.nCopies(rows, row)) + suffix);
    }

    /** Buffers rows and writes them as multi-row INSERTs (the same SQL on both databases). */
    private static final class RowInserter {
        private final Connection connection;
        private final String prefix;
        private final String row;
        private final int[] types;
        private final int maxRows;
        private final List<Object[]> rows = new ArrayList<>();

        /** Columns as "name" (text), "name:int", "name:long" or "name:bool": a null is bound with its column's type. */
        RowInserter(Connection connection, String table, String... columns) {
            this.connection = connection;
            this.types = new int[columns.length];
            List<String> names = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                String[] parts = columns[i].split(":");
                names.add(parts[0]);
                types[i] = parts.length == 1 ? java.sql.Types.VARCHAR : switch (parts[1]) {
                    case "int" -> java.sql.Types.INTEGER;
                    case "long" -> java.sql.Types.BIGINT;
                    case "bool" -> java.sql.Types.BOOLEAN;
                    default -> throw new IllegalArgumentException(columns[i]);
                };
            }
            this.prefix = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ";
            this.row = "(" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
            this.maxRows = Math.min(256, MAX_PARAMS / columns.length);
        }

        void add(Object... values) throws SQLException {
            rows.add(values);
            if (rows.size() >= maxRows) {
                flush();
            }
        }

        void flush() throws SQLException {
            int from = 0;
            while (from < rows.size()) {
                int n = chunk(rows.size() - from, maxRows);
                try (PreparedStatement ps = connection.prepareStatement(repeatRows(prefix, row, n, ""))) {
                    int i = 1;
                    for (Object[] values : rows.subList(from, from + n)) {
                        for (int c = 0; c < values.length; c++) {
                            if (values[c] == null) {
                                ps.setNull(i++, types[c]);
                            } else {
                                bind(ps, i++, values[c]);
                            }
                        }
                    }
                    ps.executeUpdate();
                }
                from += n;
            }
            rows.clear();
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        Sql.bind(ps, index, value);
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

}
