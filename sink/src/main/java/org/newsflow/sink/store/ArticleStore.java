package org.newsflow.sink.store;

/**
 * A store is both sides: the sink writes through {@link ArticleWriter}, the API reads through {@link ArticleReader}.
 * Implementations: {@link JdbcArticleStore} (SQLite, PostgreSQL). Every implementation passes the same contract
 * test suite ({@code ArticleStoreContract}).
 */
public interface ArticleStore extends ArticleReader, ArticleWriter {

    /** Opens (and migrates) the store named by a store URL such as {@code sqlite:./data/newsflow.db}; see {@link StoreUrl}. */
    static ArticleStore open(String storeUrl) {
        return JdbcArticleStore.open(StoreUrl.parse(storeUrl));
    }

    @Override
    void ping();

    @Override
    String describe();

    @Override
    void close();
}
