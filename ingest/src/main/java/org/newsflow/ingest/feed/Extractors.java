package org.newsflow.ingest.feed;

import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.extract.Extraction;

/**
 * The page extractor the feed and page sources use: the {@code extract} package's {@link ArticleExtractor} (page
 * metadata, boilerplate removal, text-density scoring; see docs/extraction.md) adapted to {@link PageExtractor}.
 * One place to change when another extractor measures better.
 */
public final class Extractors {
    /** Stateless and thread-safe: one for the process. */
    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private Extractors() {}

    public static PageExtractor standard() {
        return (html, url) -> {
            Extraction e = EXTRACTOR.extract(html, url == null ? null : url.toString());
            return e.ok()
                    ? PageExtractor.Extraction.article(e.title(), e.body(), e.publishedAt(), e.author(), e.language(), e.canonicalUrl())
                    : PageExtractor.Extraction.rejected(e.failure());
        };
    }
}
