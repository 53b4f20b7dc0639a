package org.newsflow.sink.store;

import java.util.List;

/**
 * A page of {@link ArticleReader#search}: the filters, the order, where the page starts and its size.
 *
 * @param filter what to find
 * @param sort newest first (article time, then id), oldest first, or best match first ({@link Sort#RELEVANCE}
 *        needs a full-text query)
 * @param after cursor: where the previous page ended, or null for the first page
 * @param limit page size
 */
public record ArticleQuery(ArticleFilter filter, Sort sort, Cursor after, int limit) {

    public enum Sort {
        NEWEST,
        OLDEST,
        RELEVANCE
    }

    public ArticleQuery {
        filter = filter == null ? ArticleFilter.any() : filter;
        sort = sort == null ? Sort.NEWEST : sort;
        if (sort == Sort.RELEVANCE && filter.text() == null) {
            throw new IllegalArgumentException("sort by relevance needs a full-text query");
        }
    }

    /**
     * The single-valued filters of the first API version (kept for callers written against it).
     *
     * @param country ISO alpha-2, upper case
     * @param person person key or (case-insensitive) name or name part
     * @param organization organization name, acronym or name part (case-insensitive)
     * @param eventType PLOVER type, upper case
     */
    public ArticleQuery(String country, String person, String organization, String eventType, String language,
                        String source, Long fromMs, Long toMs, Cursor after, int limit) {
        this(new ArticleFilter(fromMs, toMs, list(country), list(person), list(organization), list(eventType), null,
                list(source), list(language), null, null), Sort.NEWEST, after, limit);
    }

    /**
     * A position in the sort order. For {@link Sort#NEWEST} and {@link Sort#OLDEST} the last article's time and id
     * (keyset pagination: stable while articles arrive); for {@link Sort#RELEVANCE} the number of results already
     * returned ({@code id} null), since scores are not stable keys.
     */
    public record Cursor(long articleTimeMs, String id) {
        public static Cursor offset(long skipped) {
            return new Cursor(skipped, null);
        }

        public boolean isOffset() {
            return id == null;
        }
    }

    public static ArticleQuery all(int limit) {
        return new ArticleQuery(ArticleFilter.any(), Sort.NEWEST, null, limit);
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : List.of(value);
    }
}
