package org.newsflow.sink.store;

/**
 * Counts over time: every bucket of the window, empty ones included.
 *
 * @param filter the common filters; its time bounds are the window and must be set
 * @param bucketMs bucket width in ms (buckets aligned to UTC epoch multiples)
 * @param by one series of articles, or one series of events per PLOVER type or per QuadClass
 */
public record TimelineQuery(ArticleFilter filter, long bucketMs, By by) {
    public enum By {
        ARTICLES,
        EVENT_TYPE,
        QUAD_CLASS
    }

    public TimelineQuery {
        if (filter.fromMs() == null || filter.toMs() == null || bucketMs <= 0) {
            throw new IllegalArgumentException("a timeline needs a window and a bucket width");
        }
    }
}
