package org.newsflow.sink.store;

import java.util.List;
import org.newsflow.contract.EnrichedArticle;

/** The write side of a store: what the sink's consumer loop needs. */
public interface ArticleWriter extends AutoCloseable {

    /**
     * Stores the versions in one transaction. Per article id the version with the newest {@code enrichedAt} wins: an
     * equal or older version than the stored one changes nothing, a newer one replaces the article row and all its
     * tag rows. Returns after the transaction has committed (and the listeners were told).
     *
     * @throws StoreException if nothing was committed
     */
    UpsertResult upsert(List<ArticleVersion> versions);

    /** Convenience for callers holding parsed records only. */
    default UpsertResult upsertArticles(List<EnrichedArticle> articles) {
        return upsert(articles.stream().map(ArticleVersion::of).toList());
    }

    /** Registers a listener told about every article stored from now on (see {@link ArticleStoreListener}). */
    void addListener(ArticleStoreListener listener);

    /** Cheap reachability check (see {@link ArticleReader#ping()}). */
    void ping();

    /** Where the store is, without secrets, for logs. */
    String describe();

    @Override
    void close();
}
