package org.newsflow.sink.store;

import java.time.Instant;
import java.util.List;

/**
 * Told about the articles a write stored (new ones and newer versions; stale replays are not repeated), after the
 * transaction committed, on the writing thread: keep it quick and never throw (an exception is logged and dropped).
 */
@FunctionalInterface
public interface ArticleStoreListener {
    void stored(List<StoredArticle> articles);

    /** The little a live view needs about a stored article. */
    record StoredArticle(String id, String title, Instant enrichedAt) {}
}
