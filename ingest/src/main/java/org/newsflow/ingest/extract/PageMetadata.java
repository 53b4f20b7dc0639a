package org.newsflow.ingest.extract;

import java.time.Instant;

/**
 * What a page says about itself, before any reading of its text.
 *
 * @param jsonLdBody the {@code articleBody} of a JSON-LD article object, or null: evidence for the body, not the body
 */
record PageMetadata(String title, Instant publishedAt, String author, String language, String canonicalUrl, String jsonLdBody,
        boolean declaresArticle) {}
