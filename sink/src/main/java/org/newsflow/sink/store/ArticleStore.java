package org.newsflow.sink.store;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.newsflow.contract.Secrets;
import org.newsflow.contract.Settings;

/**
 * A store is both sides: the sink writes through {@link ArticleWriter}, the API reads through {@link ArticleReader}.
 * Stores are providers ({@link ArticleStoreProvider}) chosen by the URL's scheme; the JDBC one
 * ({@link JdbcArticleStore}: SQLite, PostgreSQL) ships with the sink. Every store passes the same contract test suite
 * ({@code ArticleStoreContract}).
 */
public interface ArticleStore extends ArticleReader, ArticleWriter {

    /**
     * Opens (and migrates) the store named by a store URL such as {@code sqlite:./data/newsflow.db}, with the options
     * from the environment ({@link StoreOptions#from}).
     */
    static ArticleStore open(String storeUrl) {
        return open(storeUrl, StoreOptions.from(Settings.fromEnvironment()));
    }

    /** Opens the store with the first provider that accepts the URL. */
    static ArticleStore open(String storeUrl, StoreOptions options) {
        if (storeUrl == null || storeUrl.isBlank()) {
            throw new IllegalArgumentException("store URL is empty; expected sqlite:PATH or postgresql://host:port/db");
        }
        List<String> schemes = new ArrayList<>();
        for (ArticleStoreProvider provider : ServiceLoader.load(ArticleStoreProvider.class, ArticleStore.class.getClassLoader())) {
            if (provider.accepts(storeUrl)) {
                return provider.open(storeUrl, options);
            }
            schemes.addAll(provider.schemes());
        }
        throw new IllegalArgumentException("no store for '" + Secrets.redact(storeUrl) + "': known schemes " + schemes);
    }

    @Override
    void ping();

    @Override
    String describe();

    @Override
    void close();
}
