package org.newsflow.sink.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsflow.sink.store.ArticleFilter;

/**
 * The time window and bucket width of a count over time. Without {@code to} the window ends now (for per-key
 * counts with only {@code from}: {@code from} plus the bucket's default span); without {@code from} it spans the
 * bucket's default (6 h of minutes, a day of hours, 30 days of days). Minute buckets only
 * for windows up to 6 h; at most {@link #MAX_BUCKETS} buckets. With {@code auto}, a missing bucket is chosen from the
 * window: minutes up to 6 h, hours up to 14 days, days beyond.
 */
record Window(Instant from, Instant to, String bucket, long bucketMs) {
    static final long MINUTE = 60_000L;
    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;
    static final int MAX_BUCKETS = 2_000;

    static Window of(Params p, ArticleFilter filter, String defaultBucket, boolean auto) {
        String name = p.text("bucket");
        if (name != null && !List.of("minute", "hour", "day").contains(name)) {
            throw new BadRequest("bucket", "parameter 'bucket' must be minute, hour or day, got '" + name + "'");
        }
        Instant from = filter.fromMs() == null ? null : Instant.ofEpochMilli(filter.fromMs());
        Instant to = filter.toMs() == null ? null : Instant.ofEpochMilli(filter.toMs());
        if (name == null && auto && from != null) {
            long span = (to == null ? System.currentTimeMillis() : to.toEpochMilli()) - from.toEpochMilli();
            name = span <= 6 * HOUR ? "minute" : span <= 14 * DAY ? "hour" : "day";
        }
        if (name == null) {
            name = defaultBucket == null ? "hour" : defaultBucket;
        }
        long width = switch (name) {
            case "minute" -> MINUTE;
            case "day" -> DAY;
            default -> HOUR;
        };
        long defaultSpan = width == MINUTE ? 6 * HOUR : width == HOUR ? DAY : 30 * DAY;
        if (to == null) {
            // A timeline from a given time runs to now; per-key counts keep their fixed default window.
            Instant now = Instant.now();
            to = from == null || (auto && from.isBefore(now)) ? now : from.plusMillis(defaultSpan);
            if (to.isAfter(Params.LATEST)) {
                to = Params.LATEST;
            }
        }
        if (from == null) {
            from = to.minusMillis(defaultSpan);
        }
        if (!from.isBefore(to)) {
            throw new BadRequest("to", "'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        long span = to.toEpochMilli() - from.toEpochMilli();
        if (width == MINUTE && span > 6 * HOUR) {
            throw new BadRequest("bucket", "minute buckets are for windows up to 6 hours; this one is longer (use hour or day)");
        }
        long buckets = (span + width - 1) / width;
        if (buckets > MAX_BUCKETS) {
            throw new BadRequest("from", "the window holds " + buckets + " " + name + " buckets; at most " + MAX_BUCKETS
                    + " (narrow the window or use a wider bucket)");
        }
        return new Window(from, to, name, width);
    }

    long fromMs() {
        return from.toEpochMilli();
    }

    long toMs() {
        return to.toEpochMilli();
    }

    /** {@code bucket}, {@code from}, {@code to} of the answer. */
    Map<String, Object> describe() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bucket", bucket);
        body.put("from", from);
        body.put("to", to);
        return body;
    }
}
