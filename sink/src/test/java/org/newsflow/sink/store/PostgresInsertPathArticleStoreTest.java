package org.newsflow.sink.store;

import org.junit.jupiter.api.BeforeAll;
import org.newsflow.sink.PostgresTestSupport;

/**
 * The contract on PostgreSQL with {@code NEWSFLOW_SINK_COPY=false}: the multi-row INSERT path that SQLite uses, kept
 * on PostgreSQL for comparisons and as a way back from the COPY path.
 */
class PostgresInsertPathArticleStoreTest extends ArticleStoreContract {
    private String url;

    @Override
    protected String storeUrl() {
        if (url == null) {
            url = PostgresTestSupport.freshSchemaUrl("sink_store_insert_test");
        }
        return url;
    }

    @Override
    @BeforeAll
    void open() {
        System.setProperty("newsflow.sink.copy", "false");
        try {
            super.open();
        } finally {
            System.clearProperty("newsflow.sink.copy");
        }
    }
}
