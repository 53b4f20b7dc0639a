package org.newsflow.sink.store;

import java.util.List;
import java.util.Optional;
import org.newsflow.contract.EnrichedArticle;

/** The sink's SQL store (SQLite or PostgreSQL): idempotent versioned upserts plus the queries the API serves. */
public interface ArticleStore extends AutoCloseable {

    /** Opens (and migrates) the store named by a store URL such as {@code sqlite:./data/newsflow.db}; see {@link StoreUrl}. */
    static ArticleStore open(String storeUrl) {
        return JdbcArticleStore.open(StoreUrl.parse(storeUrl));
    }

    /**
     * Stores the versions in one transaction. Per article id the version with the newest {@code enrichedAt} wins: an
     * equal or older version than the stored one changes nothing, a newer one replaces the article row and all its
     * tag rows. Returns after the transaction has committed.
     *
     * @throws StoreException if nothing was committed
     */
    UpsertResult upsert(List<ArticleVersion> versions);

    /** Convenience for callers holding parsed records only. */
    default UpsertResult upsertArticles(List<EnrichedArticle> articles) {
        return upsert(articles.stream().map(ArticleVersion::of).toList());
    }

    /** Number of stored articles (a full count: not for health checks, see {@link #ping()}). */
    long count();

    /**
     * Cheap reachability check for readiness probes: borrows a connection and validates it (no table scan).
     *
     * @throws StoreException when the database cannot be reached
     */
    void ping();

    /** The stored (newest) version of an article. */
    Optional<EnrichedArticle> find(String id);

    /** The stored version's JSON text, exactly as stored. */
    Optional<String> findJson(String id);

    ArticlePage search(ArticleQuery query);

    List<StatSeries> stats(StatsQuery query);

    /** Where the store is, without secrets, for logs. */
    String describe();

    @Override
    void close();
}
