package org.newsflow.sink.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.newsflow.contract.Actor;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.CountryTag;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.EventTag;
import org.newsflow.contract.Json;
import org.newsflow.contract.OrganizationTag;
import org.newsflow.contract.PersonTag;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on JDBC: one code path for SQLite and PostgreSQL, a HikariCP pool, the schema migrated by Flyway on
 * open. Dialect differences live in {@link Dialect}.
 */
public final class JdbcArticleStore implements ArticleStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcArticleStore.class);
    /** Rows per multi-row INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bind-parameter limits. */
    private static final int MAX_PARAMS = 8_000;
    /** Below this many articles per writer a batch is not split. */
    private static final int MIN_SHARD = 250;
    private static final String[] CHILD_TABLES = {"article_country", "article_person", "article_organization", "events"};

    private final StoreUrl url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final int writers;
    private final ExecutorService writerPool;
    private final JdbcSearch search;
    private final JdbcStats stats;
    private final JdbcPeople people;
    private final List<ArticleStoreListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /**
     * {@code NEWSFLOW_SINK_COPY=false}: the multi-row INSERT path on PostgreSQL too (for comparisons, and a way back
     * should the COPY path ever misbehave). Read once, when the store is opened.
     */
    private final boolean sharedPath = !Settings.fromEnvironment().getBoolean("SINK_COPY", true);

    private JdbcArticleStore(StoreUrl url, HikariDataSource dataSource, int writers) {
        this.url = url;
        this.dialect = url.dialect();
        this.dataSource = dataSource;
        this.writers = writers;
        this.search = new JdbcSearch(dataSource, dialect);
        this.stats = new JdbcStats(dataSource, dialect);
        this.people = new JdbcPeople(dataSource, dialect);
        AtomicInteger n = new AtomicInteger();
        this.writerPool = Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "newsflow-sink-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects, creates the schema (and the SQLite file's folder) if needed and migrates it. Batches are spread over
     * {@code NEWSFLOW_SINK_WRITERS} connections (default: 2 on PostgreSQL, 1 on SQLite).
     */
    public static JdbcArticleStore open(StoreUrl url) {
        return open(url, Settings.fromEnvironment().getInt("SINK_WRITERS", url.dialect().defaultWriters()));
    }

    public static JdbcArticleStore open(StoreUrl url, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("NEWSFLOW_SINK_WRITERS must be at least 1");
        }
        if (url.sqliteFile() != null && url.sqliteFile().toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(url.sqliteFile().toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the folder of " + url.sqliteFile(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        config.setPoolName("newsflow-sink");
        config.setAutoCommit(true);
        // The pool starts even when the database is down; opening then fails after the connection timeout (the
        // migration needs a connection) and SinkMain retries with backoff.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(Settings.fromEnvironment().getLong("SINK_DB_TIMEOUT_MS", 5_000));
        url.dialect().configure(config);
        config.setMaximumPoolSize(Math.max(config.getMaximumPoolSize(), writers + 4));
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(url, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        JdbcArticleStore store = new JdbcArticleStore(url, dataSource, writers);
        LOG.info("article store ready: {} ({} writer(s), {})", url.redacted(), writers,
                store.dialect.bulkCopy() && !store.sharedPath ? "binary COPY via a staging table" : "multi-row INSERTs");
        return store;
    }

    private static void migrate(StoreUrl url, HikariDataSource dataSource) {
        FluentConfiguration flyway = Flyway.configure(JdbcArticleStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations(url.dialect().migrationLocations())
                .placeholders(url.dialect().migrationPlaceholders(supportsLz4(url, dataSource)))
                .table("newsflow_schema_history");
        if (url.schema() != null) {
            flyway.schemas(url.schema()).defaultSchema(url.schema()).createSchemas(true);
        }
        flyway.load().migrate();
    }

    /** True when the PostgreSQL server offers lz4 column compression (a build option of the server). */
    private static boolean supportsLz4(StoreUrl url, HikariDataSource dataSource) {
        if (url.dialect() != Dialect.POSTGRESQL) {
            return false;
        }
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery(
                        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'")) {
            return r.next() && r.getBoolean(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the server's settings: " + org.newsflow.contract.Secrets.message(e), false, e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String describe() {
        return url.redacted();
    }

    // ---------------------------------------------------------------- writes

    @Override
    public UpsertResult upsert(List<ArticleVersion> versions) {
        if (versions.isEmpty()) {
            return new UpsertResult(0, 0, 0);
        }
        // Newest version per id within the batch (a later one wins a tie, as it would across batches).
        Map<String, ArticleVersion> newest = new LinkedHashMap<>();
        for (ArticleVersion v : versions) {
            newest.merge(v.id(), v, (a, b) -> b.version() >= a.version() ? b : a);
        }
        List<ArticleVersion> candidates = new ArrayList<>(newest.values());
        int shards = Math.min(writers, Math.max(1, candidates.size() / MIN_SHARD));
        if (shards <= 1) {
            List<ArticleVersion> won = writeShard(candidates);
            notifyListeners(won);
            return new UpsertResult(versions.size(), won.size(), versions.size() - won.size());
        }
        List<List<ArticleVersion>> parts = new ArrayList<>();
        for (int k = 0; k < shards; k++) {
            parts.add(new ArrayList<>());
        }
        for (int i = 0; i < candidates.size(); i++) {
            parts.get(i % shards).add(candidates.get(i));
        }
        List<Future<List<ArticleVersion>>> results = new ArrayList<>();
        for (List<ArticleVersion> part : parts) {
            results.add(writerPool.submit(() -> writeShard(part)));
        }
        List<ArticleVersion> won = new ArrayList<>();
        StoreException failure = null;
        RuntimeException unexpected = null;
        for (Future<List<ArticleVersion>> f : results) {
            try {
                won.addAll(f.get());
            } catch (ExecutionException e) {
                // Only a StoreException says "the database is down" (retry) or "the data is bad" (dead-letter). Anything
                // else is a bug or a record the code cannot handle: rethrown as it is, so the caller isolates the record
                // after bounded retries, rather than retrying it forever as if the database were down.
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                if (!(e.getCause() instanceof StoreException)) {
                    unexpected = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    continue;
                }
                StoreException se = (StoreException) e.getCause();
                if (failure == null || (se.isDataError() && !failure.isDataError())) {
                    failure = se;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while writing", false, e);
            }
        }
        if (unexpected != null) {
            throw unexpected;
        }
        if (failure != null) {
            // Shards that committed are re-applied as stale no-ops when the caller retries: nothing is lost.
            throw failure;
        }
        notifyListeners(won);
        return new UpsertResult(versions.size(), won.size(), versions.size() - won.size());
    }

    @Override
    public void addListener(ArticleStoreListener listener) {
        listeners.add(listener);
    }

    /** After the commit: a listener's failure is logged and never reaches the write (it has committed). */
    private void notifyListeners(List<ArticleVersion> won) {
        if (listeners.isEmpty() || won.isEmpty()) {
            return;
        }
        List<ArticleStoreListener.StoredArticle> stored = won.stream().map(v -> new ArticleStoreListener.StoredArticle(
                v.id(), v.article().article() == null ? "" : v.article().article().title(), v.article().enrichedAt())).toList();
        for (ArticleStoreListener listener : listeners) {
            try {
                listener.stored(stored);
            } catch (RuntimeException e) {
                LOG.warn("store listener {} failed: {}", listener, Secrets.message(e));
            }
        }
    }

    /** One transaction: the article rows, then the tag rows of the articles whose version won. */
    private List<ArticleVersion> writeShard(List<ArticleVersion> candidates) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<ArticleVersion> winners;
                if (dialect.bulkCopy() && !sharedPath) {
                    Set<String> won = PostgresCopyWriter.write(c, candidates, System.currentTimeMillis());
                    winners = candidates.stream().filter(v -> won.contains(v.id())).toList();
                } else {
                    Set<String> won = upsertArticles(c, candidates);
                    winners = candidates.stream().filter(v -> won.contains(v.id())).toList();
                    replaceTags(c, winners);
                }
                c.commit();
                return winners;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                if (dialect.bulkCopy() && e instanceof SQLException se && !dialect.isDataError(se)) {
                    // The COPY API talks to the driver's connection directly, past the pool's proxy, so the pool does
                    // not see a broken connection (a failed BEGIN leaves nothing to roll back either). Retire it, so
                    // that the retry gets a fresh one; a deadlock or similar costs one reconnect.
                    dataSource.evictConnection(c);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("upsert of " + candidates.size() + " articles failed: " + Secrets.message(e),
                    dialect.isDataError(e), e);
        }
    }

    /** Inserts or replaces article rows where ours is newer; returns the ids whose row is now ours. */
    private Set<String> upsertArticles(Connection c, List<ArticleVersion> candidates) throws SQLException {
        String[] columns = {"id", "version", "article_time", "published_at", "ingested_at", "enriched_at",
                "language", "source", "url", "title", "stored_at", "duplicate_of", "record"};
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
                    ps.setLong(i++, articleTime(a));
                    setLong(ps, i++, raw == null ? null : millis(raw.publishedAt()));
                    setLong(ps, i++, raw == null ? null : millis(raw.ingestedAt()));
                    ps.setLong(i++, a.enrichedAt() == null ? 0L : millis(a.enrichedAt()));
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
    private void replaceTags(Connection c, List<ArticleVersion> winners) throws SQLException {
        if (winners.isEmpty()) {
            return;
        }
        List<String> ids = winners.stream().map(ArticleVersion::id).toList();
        for (String table : CHILD_TABLES) {
            for (int from = 0, n; from < ids.size(); from += n) {
                n = chunk(ids.size() - from, 256);
                List<String> chunk = ids.subList(from, from + n);
                String sql = repeatRows("DELETE FROM " + table + " WHERE article_id IN (", "?", chunk.size(), ")");
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    ps.executeUpdate();
                }
            }
        }
        RowInserter[] inserters = new RowInserter[TAG_TABLES.length];
        for (int t = 0; t < TAG_TABLES.length; t++) {
            inserters[t] = new RowInserter(c, TAG_TABLES[t][0], Arrays.copyOfRange(TAG_TABLES[t], 1, TAG_TABLES[t].length));
        }
        for (ArticleVersion v : winners) {
            tagRows(v.article(), (table, values) -> inserters[table].add(values));
        }
        for (RowInserter inserter : inserters) {
            inserter.flush();
        }
    }

    /**
     * The tag tables: name, then columns as "name" (text), "name:int", "name:long" or "name:bool". The index of a
     * table here is the {@code table} argument of {@link TagRowSink#add}; the values come in this column order.
     */
    static final String[][] TAG_TABLES = {
        {"article_country", "article_id", "code", "alpha3", "name", "mentions:int", "focus:bool", "article_time:long"},
        {"article_person", "article_id", "person_key", "name", "name_norm", "country", "titles", "mentions:int",
            "article_time:long"},
        {"article_organization", "article_id", "org_key", "name", "acronym", "acronym_norm", "type", "country",
            "mentions:int", "article_time:long"},
        {"events", "article_id", "seq:int", "type", "mode", "cameo_root", "quad_class:int",
            "source_country", "source_name", "source_sector", "target_country", "target_name", "target_sector",
            "event_date", "location_country", "place", "dead:int", "injured:int", "casualties_at_least:bool",
            "negated:bool", "hypothetical:bool", "trigger_text", "article_time:long"},
    };

    interface TagRowSink {
        void add(int table, Object... values) throws SQLException;
    }

    /** The rows of one article in the tag tables (one key once per article); shared by both write paths. */
    static void tagRows(EnrichedArticle a, TagRowSink sink) throws SQLException {
        long time = articleTime(a);
        Set<String> seen = new HashSet<>();
        for (CountryTag t : a.countries()) {
            if (t.code() != null && seen.add(t.code())) {
                sink.add(0, a.id(), t.code(), t.alpha3(), t.name(), t.mentions(), t.focus(), time);
            }
        }
        seen.clear();
        for (PersonTag t : a.people()) {
            String key = t.key() != null && !t.key().isBlank() ? t.key() : lower(t.name());
            if (key != null && seen.add(key)) {
                sink.add(1, a.id(), key, t.name() == null ? key : t.name(), lower(t.name() == null ? key : t.name()),
                        t.country(), t.titles().isEmpty() ? null : String.join("; ", t.titles()), t.mentions(), time);
            }
        }
        seen.clear();
        for (OrganizationTag t : a.organizations()) {
            String key = lower(t.name());
            if (key != null && seen.add(key)) {
                sink.add(2, a.id(), key, t.name(), t.acronym(), lower(t.acronym()), t.type(), t.country(),
                        t.mentions(), time);
            }
        }
        int seq = 0;
        for (EventTag e : a.events()) {
            if (e.type() == null) {
                continue;
            }
            Actor s = e.source();
            Actor t = e.target();
            sink.add(3, a.id(), seq++, e.type(), e.mode(), e.cameoRoot(), e.quadClass(),
                    s == null ? null : s.country(), s == null ? null : truncate(s.name(), 300), s == null ? null : s.sector(),
                    t == null ? null : t.country(), t == null ? null : truncate(t.name(), 300), t == null ? null : t.sector(),
                    e.date(), e.locationCountry(), truncate(e.place(), 300),
                    e.casualties() == null ? null : e.casualties().dead(),
                    e.casualties() == null ? null : e.casualties().injured(),
                    e.casualties() == null ? null : e.casualties().atLeast(),
                    e.negated(), e.hypothetical(),
                    e.trigger() == null ? null : truncate(e.trigger().text(), 500), time);
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
        if (value == null) {
            ps.setNull(index, java.sql.Types.NULL);
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Integer n) {
            ps.setInt(index, n);
        } else if (value instanceof Long n) {
            ps.setLong(index, n);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            throw new IllegalArgumentException("unsupported column value " + value.getClass());
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public long count() {
        return search.count();
    }

    @Override
    public void ping() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                throw new StoreException("database connection is not valid", false, null);
            }
        } catch (SQLException e) {
            throw new StoreException("database unreachable: " + Secrets.message(e), false, e);
        }
    }

    @Override
    public Optional<String> findJson(String id) {
        return search.findJson(id);
    }

    @Override
    public Optional<EnrichedArticle> find(String id) {
        return findJson(id).map(json -> Json.read(json, EnrichedArticle.class));
    }

    @Override
    public ArticlePage search(ArticleQuery q) {
        return search.search(q);
    }

    @Override
    public List<StatSeries> stats(StatsQuery q) {
        return stats.stats(q);
    }

    @Override
    public List<StatSeries> timeline(TimelineQuery q) {
        return stats.timeline(q);
    }

    @Override
    public List<CountryActivity> countryActivity(ArticleFilter filter) {
        return stats.countryActivity(filter);
    }

    @Override
    public List<Counterpart> counterparts(ArticleFilter filter, List<String> countries, int limit) {
        return stats.counterparts(filter, countries, limit);
    }

    @Override
    public Optional<PersonProfile> person(String key, ArticleFilter filter) {
        return people.person(key, filter);
    }

    @Override
    public void close() {
        writerPool.shutdownNow();
        dataSource.close();
    }

    // ---------------------------------------------------------------- helpers

    /** What "newest first" and time windows refer to: publication time, else ingestion time, else enrichment time. */
    static long articleTime(EnrichedArticle a) {
        RawArticle raw = a.article();
        Instant t = raw != null && raw.publishedAt() != null ? raw.publishedAt()
                : raw != null && raw.ingestedAt() != null ? raw.ingestedAt()
                : a.enrichedAt() != null ? a.enrichedAt() : Instant.EPOCH;
        return millis(t);
    }

    /**
     * Epoch milliseconds; a time beyond what a long holds (year +999999999) is the record's fault, so it is a data
     * error (dead letter), not an ArithmeticException that would look like a bug. The sink validates dates before
     * this; the check is for other callers of the store.
     */
    static Long millis(Instant t) {
        if (t == null) {
            return null;
        }
        try {
            return t.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new StoreException("time " + t + " is out of the storable range", true, e);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }
}
