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
 * @param duplicateOf id of the first copy of the same story when ingest found this article to be a near-duplicate
 *        of an earlier one (a republished wire story); null otherwise. Never the article's own id: re-ingesting the
 *        same article is an upsert, not a duplicate. Near-duplicates still flow through the pipeline; consumers
 *        and stores filter on this field.
 * @param duplicateSimilarity estimated Jaccard similarity (0..1, word shingles) to the copy that matched; set
 *        exactly when {@code duplicateOf} is
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
        String origin,
        String duplicateOf,
        Double duplicateSimilarity) {

    public static final int SCHEMA_VERSION = 1;

    public RawArticle {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        title = title == null ? "" : title;
        // Both or neither: a similarity without the copy it refers to (or the reverse) means nothing to a reader.
        if ((duplicateOf == null) != (duplicateSimilarity == null)) {
            throw new IllegalArgumentException("duplicateOf and duplicateSimilarity are set together or not at all");
        }
        if (duplicateOf != null && duplicateOf.equals(id)) {
            throw new IllegalArgumentException("an article is never a duplicate of itself: " + id);
        }
        if (duplicateSimilarity != null && !(duplicateSimilarity >= 0.0 && duplicateSimilarity <= 1.0)) {
            throw new IllegalArgumentException("duplicateSimilarity must be within [0, 1], got " + duplicateSimilarity);
        }
    }

    /** The record as it was before near-duplicate marking existed; kept so that every existing caller compiles. */
    public RawArticle(int schemaVersion, String id, String url, String source, String title, String body, String language,
            Instant publishedAt, Instant ingestedAt, String origin) {
        this(schemaVersion, id, url, source, title, body, language, publishedAt, ingestedAt, origin, null, null);
    }

    /** A copy with the language set (ingest's language detection). */
    public RawArticle withLanguage(String code) {
        return new RawArticle(schemaVersion, id, url, source, title, body, code, publishedAt, ingestedAt, origin,
                duplicateOf, duplicateSimilarity);
    }

    /** A copy marked as a near-duplicate of {@code firstId}, or unmarked when {@code firstId} is null. */
    public RawArticle withDuplicateOf(String firstId, Double similarity) {
        return new RawArticle(schemaVersion, id, url, source, title, body, language, publishedAt, ingestedAt, origin,
                firstId, firstId == null ? null : similarity);
    }
}
