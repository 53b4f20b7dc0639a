package org.newsflow.sink.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteArticleStoreTest extends ArticleStoreContract {
    @TempDir
    static Path dir;

    @Override
    protected String storeUrl() {
        return "sqlite:" + dir.resolve("data/newsflow.db");
    }
}
