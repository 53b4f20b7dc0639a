package org.newsflow.sink.store;

import java.util.List;

/**
 * A kind of store, found by {@link java.util.ServiceLoader} ({@code META-INF/services/org.newsflow.sink.store.ArticleStoreProvider}):
 * a new store (Elasticsearch, ClickHouse) is a module with a provider that passes {@code ArticleStoreContract}.
 * {@link ArticleStore#open} picks the first provider that accepts the URL.
 */
public interface ArticleStoreProvider {

    /** URL prefixes this provider opens, for messages ({@code sqlite:}, {@code postgresql://}). */
    List<String> schemes();

    /** Whether this provider opens the URL (by its scheme). */
    default boolean accepts(String storeUrl) {
        return schemes().stream().anyMatch(storeUrl.strip()::startsWith);
    }

    /** Opens (creating or migrating what is needed) the store. */
    ArticleStore open(String storeUrl, StoreOptions options);
}
