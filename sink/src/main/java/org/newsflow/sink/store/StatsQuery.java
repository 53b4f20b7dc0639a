package org.newsflow.sink.store;

/**
 * Counts per key over a time window, for dashboards.
 *
 * @param kind what to count
 * @param fromMs inclusive start (epoch ms)
 * @param toMs exclusive end (epoch ms)
 * @param bucketMs bucket width (a minute, an hour or a day); buckets are aligned to UTC
 * @param limit keep the {@code limit} keys with the highest totals
 * @param country for EVENTS and STATEMENTS: only those whose source or target is this country (null: all)
 * @param includeUnreal for EVENTS and STATEMENTS: also count negated and hypothetical ones
 * @param filter the common filters (its time bounds are replaced by {@code fromMs}/{@code toMs}); for EVENTS its
 *        countries are the events' sides (like {@code country}) and its event types and quad classes select the
 *        events counted
 */
public record StatsQuery(Kind kind, long fromMs, long toMs, long bucketMs, int limit, String country,
                         boolean includeUnreal, ArticleFilter filter) {
    public enum Kind {
        /** articles per country code */
        COUNTRIES,
        /** articles per person key */
        PEOPLE,
        /** articles per organization (lower-cased name) */
        ORGANIZATIONS,
        /** events per PLOVER type */
        EVENTS,
        /** CAMEO 01x statements per code (not events: see {@code EnrichedArticle.statements}) */
        STATEMENTS
    }

    /** Whether rows of this kind are events or statements: counted per row, real unless {@code includeUnreal}, with sides. */
    public boolean actions() {
        return kind == Kind.EVENTS || kind == Kind.STATEMENTS;
    }

    public StatsQuery {
        filter = (filter == null ? ArticleFilter.any() : filter).withTime(fromMs, toMs);
    }

    public StatsQuery(Kind kind, long fromMs, long toMs, long bucketMs, int limit, String country, boolean includeUnreal) {
        this(kind, fromMs, toMs, bucketMs, limit, country, includeUnreal, null);
    }
}
