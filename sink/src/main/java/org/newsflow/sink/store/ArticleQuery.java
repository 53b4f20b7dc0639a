package org.newsflow.sink.store;

/**
 * Filters for {@link ArticleStore#search}; null means "any". Results are newest first (article time, then id).
 *
 * @param country ISO alpha-2, upper case
 * @param person person key or (case-insensitive) full name
 * @param organization organization name or acronym (case-insensitive)
 * @param eventType PLOVER type, upper case
 * @param fromMs inclusive lower bound on article time, epoch ms
 * @param toMs exclusive upper bound on article time, epoch ms
 * @param after cursor: only articles strictly older than this position
 * @param limit page size
 */
public record ArticleQuery(
        String country,
        String person,
        String organization,
        String eventType,
        String language,
        String source,
        Long fromMs,
        Long toMs,
        Cursor after,
        int limit) {

    /** A position in the newest-first order. */
    public record Cursor(long articleTimeMs, String id) {}

    public static ArticleQuery all(int limit) {
        return new ArticleQuery(null, null, null, null, null, null, null, null, null, limit);
    }
}
