package org.newsflow.ingest.feed;

/**
 * The page extractor the feed and page sources use when the service is assembled. One place to change: when the
 * {@code extract} package's ArticleExtractor is on the classpath, this returns an adapter to it.
 */
public final class Extractors {
    private Extractors() {}

    public static PageExtractor standard() {
        return new BasicPageExtractor();
    }
}
