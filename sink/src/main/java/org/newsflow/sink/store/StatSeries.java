package org.newsflow.sink.store;

import java.util.List;

/** One key's counts: total over the window and per bucket (only non-empty buckets, oldest first). */
public record StatSeries(String key, String label, long total, List<Bucket> buckets) {
    public record Bucket(long startMs, long count) {}
}
