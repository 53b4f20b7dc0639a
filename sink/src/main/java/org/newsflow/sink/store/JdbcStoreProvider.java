package org.newsflow.sink.store;

import java.util.List;

/** SQLite and PostgreSQL through {@link JdbcArticleStore}. */
public final class JdbcStoreProvider implements ArticleStoreProvider {
    @Override
    public List<String> schemes() {
        return List.of("sqlite:", "postgresql://", "postgres://", "jdbc:sqlite:", "jdbc:postgresql:");
    }

    @Override
    public ArticleStore open(String storeUrl, StoreOptions options) {
        return JdbcArticleStore.open(StoreUrl.parse(storeUrl), options);
    }
}
