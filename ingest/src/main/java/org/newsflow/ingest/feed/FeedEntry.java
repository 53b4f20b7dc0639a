package org.newsflow.ingest.feed;

import java.time.Instant;

/**
 * One feed item, dialect-free: what RSS 0.9x/1.0/2.0, Atom and Media RSS give, as text.
 *
 * @param id the item's identity within its feed: guid / atom:id, else link, else a hash of title and summary
 * @param link absolute link to the article page, or null
 * @param title plain-text title, possibly empty
 * @param summary plain-text description / atom:summary / media:description, possibly empty
 * @param content plain-text full content (content:encoded, atom:content), possibly empty
 * @param publishedAt published (else updated) time, or null
 * @param author author name, or null
 * @param language ISO 639-1 language of the feed, or null
 */
public record FeedEntry(String id, String link, String title, String summary, String content, Instant publishedAt,
        String author, String language) {

    /** The longer of content and summary: what the feed itself says of the article. */
    public String text() {
        return content.length() >= summary.length() ? content : summary;
    }
}
