package org.newsflow.ingest.source;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where articles come from: files, RSS/Atom feeds, web pages, HTTP push. Each source turns its input into
 * {@link SourceItem}s (an article or a rejection with its reason); the collector passes them through the
 * {@link org.newsflow.ingest.process.ArticleProcessor}s and the publisher. A new source implements this
 * interface and touches neither the publisher nor the other sources.
 */
public interface ArticleSource extends AutoCloseable {
    /** A short name for logs and metrics, e.g. {@code files}, {@code feeds}, {@code push}. */
    String name();

    /**
     * Delivers items to {@code out} until the source is exhausted (files, a list of pages) or {@code stopped}
     * turns true (feeds, push). Must not throw for one bad input: that is a rejected item. Throws only when the
     * source as a whole cannot go on.
     */
    void run(Consumer<SourceItem> out, BooleanSupplier stopped) throws Exception;

    /** True for sources that end by themselves (a one-shot ingest waits for them); false for long-running ones. */
    default boolean finite() {
        return true;
    }

    @Override
    default void close() throws Exception {}
}
