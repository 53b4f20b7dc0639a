package org.newsflow.ingest.feed;

import java.net.URI;
import java.time.Instant;

/**
 * Page HTML + its URL -> the article on it, or why there is none. The feed and page sources depend on this
 * interface only; the real extractor (the {@code extract} package) is adapted to it where the service is assembled,
 * in {@link Extractors}.
 */
@FunctionalInterface
public interface PageExtractor {
    Extraction extract(String html, URI url);

    /**
     * An extracted article ({@code rejection == null}) or a rejection with its reason.
     *
     * @param title headline, or null when the page has none
     * @param body article text, paragraphs separated by '\n'
     * @param publishedAt publication time found on the page, or null
     * @param author byline, or null (not published yet: the raw record has no author field)
     * @param language ISO 639-1 code the page declares, or null
     * @param canonicalUrl the page's canonical URL, or null
     * @param rejection why the page holds no article, or null
     */
    record Extraction(String title, String body, Instant publishedAt, String author, String language, String canonicalUrl,
            String rejection) {
        public static Extraction article(String title, String body, Instant publishedAt, String author, String language, String canonicalUrl) {
            return new Extraction(title, body, publishedAt, author, language, canonicalUrl, null);
        }

        public static Extraction rejected(String reason) {
            return new Extraction(null, null, null, null, null, null, reason);
        }

        public boolean ok() {
            return rejection == null;
        }
    }
}
