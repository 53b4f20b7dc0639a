package org.newsflow.sink.store;

/**
 * Counts over a time window for dashboards.
 *
 * @param kind what to count
 * @param fromMs inclusive start (epoch ms)
 * @param toMs exclusive end (epoch ms)
 * @param bucketMs bucket width: 3,600,000 (hour) or 86,400,000 (day); buckets are aligned to UTC
 * @param limit keep the {@code limit} keys with the highest totals
 * @param country for EVENTS: only events whose source or target is this country (null: all)
 * @param includeUnreal for EVENTS: also count negated and hypothetical events
 */
public record StatsQuery(Kind kind, long fromMs, long toMs, long bucketMs, int limit, String country, boolean includeUnreal) {
    public enum Kind {
        /** articles per country code */
        COUNTRIES,
        /** articles per person key */
        PEOPLE,
        /** events per PLOVER type */
        EVENTS
    }
}
