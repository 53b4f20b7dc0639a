package org.newsflow.ingest.extract;

import java.time.Instant;

/**
 * What {@link ArticleExtractor} found on one page. When there is no article ({@link #ok()} false), {@link #failure()}
 * says why (for the dead-letter reason) and the metadata fields hold whatever the page declared anyway.
 *
 * @param title the headline (JSON-LD headline, Open Graph title, the first {@code h1} or the {@code <title>}), or null
 * @param body the article text, normalised, paragraphs separated by a blank line; empty when there is no article
 * @param publishedAt publication time from the page's metadata, or null
 * @param author the author name(s), comma separated, or null
 * @param language ISO 639-1 code declared by the page ({@code <html lang>}, JSON-LD {@code inLanguage}, ...), or null
 * @param canonicalUrl {@code <link rel=canonical>}, {@code og:url} or JSON-LD url, absolute; else the page URL; or null
 * @param failure why no article was found, or null when one was
 */
public record Extraction(String title, String body, Instant publishedAt, String author, String language, String canonicalUrl,
        String failure) {
    public Extraction {
        body = body == null ? "" : body;
    }

    public boolean ok() {
        return failure == null;
    }
}
