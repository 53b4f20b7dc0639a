package org.newsflow.sink.store;

import org.newsflow.sink.PostgresTestSupport;

class PostgresArticleStoreTest extends ArticleStoreContract {
    private String url;

    @Override
    protected String storeUrl() {
        if (url == null) {
            url = PostgresTestSupport.freshSchemaUrl("sink_store_test");
        }
        return url;
    }
}
