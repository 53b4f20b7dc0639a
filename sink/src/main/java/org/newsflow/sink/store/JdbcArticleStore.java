package org.newsflow.sink.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on JDBC: one code path for SQLite and PostgreSQL, a HikariCP pool, the schema migrated by Flyway on
 * open. Dialect differences live in {@link Dialect}.
 */
public final class JdbcArticleStore implements ArticleStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcArticleStore.class);
    /** Below this many articles per writer a batch is not split. */
    private static final int MIN_SHARD = 250;

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
     * should the COPY path ever misbehave).
     */
    private final boolean sharedPath;

    private JdbcArticleStore(StoreUrl url, HikariDataSource dataSource, int writers, boolean bulkCopy) {
        this.url = url;
        this.sharedPath = !bulkCopy;
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

    /** Opens with the default options (see {@link StoreOptions#defaults()}). */
    public static JdbcArticleStore open(StoreUrl url) {
        return open(url, StoreOptions.defaults());
    }

    /**
     * Connects, creates the schema (and the SQLite file's folder) if needed and migrates it. Batches are spread over
     * {@code options.writers()} connections (default: 2 on PostgreSQL, 1 on SQLite).
     */
    public static JdbcArticleStore open(StoreUrl url, StoreOptions options) {
        int writers = options.writers() != null ? options.writers() : url.dialect().defaultWriters();
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
        // migration needs a connection) and the sink (SinkLifecycle) retries with backoff.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(options.connectionTimeoutMs());
        url.dialect().configure(config);
        config.setMaximumPoolSize(Math.max(config.getMaximumPoolSize(), writers + 4));
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(url, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        JdbcArticleStore store = new JdbcArticleStore(url, dataSource, writers, options.bulkCopy());
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
                    Set<String> won = InsertWriter.upsertArticles(c, dialect, candidates);
                    winners = candidates.stream().filter(v -> won.contains(v.id())).toList();
                    InsertWriter.replaceTags(c, winners);
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

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }
}
