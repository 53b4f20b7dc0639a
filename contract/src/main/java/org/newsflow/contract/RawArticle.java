package org.newsflow.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * An article as ingest publishes it to {@link Topics#RAW}: normalised text plus its metadata.
 * Values the source does not give are null (and omitted from the JSON).
 *
 * @param schemaVersion major.minor is carried as an integer major version; additive changes keep it
 * @param id stable article id (see {@link ArticleIds}); also the Kafka record key
 * @param url canonical URL when the source has one
 * @param source publisher or feed name ("France 24"), when known
 * @param title headline (may be empty, never null)
 * @param body cleaned article body; every character offset in the enriched record points into this string
 * @param language ISO 639-1 code when the source says so; enrich detects it otherwise
 * @param publishedAt publication time; event dates ("Monday") are resolved against it
 * @param ingestedAt when ingest read the article; used for end-to-end latency
 * @param origin where ingest found it (file path, feed URL), for provenance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawArticle(
        int schemaVersion,
        String id,
        String url,
        String source,
        String title,
        String body,
        String language,
        Instant publishedAt,
        Instant ingestedAt,
        String origin) {

    public static final int SCHEMA_VERSION = 1;

    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        title = title == null ? "" : title;
    }
}
