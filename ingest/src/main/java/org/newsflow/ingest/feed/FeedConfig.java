package org.newsflow.ingest.feed;

import java.nio.file.Path;
import java.time.Duration;
import org.newsflow.contract.Settings;

/**
 * Feed collector settings; every duration is configurable so tests run on milliseconds.
 *
 * @param stateDir where feed state is kept (NEWSFLOW_FEED_STATE_DIR, default ./data/feeds)
 * @param defaultInterval poll interval of feeds that set none (NEWSFLOW_FEED_INTERVAL, default 5m)
 * @param backoffInitial first retry delay after a failure; doubles per failure (NEWSFLOW_FEED_BACKOFF_INITIAL, 1m)
 * @param backoffMax longest retry delay from backoff (NEWSFLOW_FEED_BACKOFF_MAX, 1h)
 * @param maxRetryAfter longest Retry-After honoured (a server asking for a week is asked again after this)
 * @param goneAfter consecutive 410 responses after which a feed is marked gone and no longer polled
 * @param threads feeds polled at once (NEWSFLOW_FEED_THREADS, default 2); politeness is per host regardless
 * @param minFullTextChars feed text shorter than this is a summary: the linked page is fetched for the article
 * @param maxBodyChars articles longer than this are dead-lettered (Kafka's default record limit is ~1 MB, and the
 *     enriched record is ~5x the article)
 * @param maxSeenPerFeed delivered item ids kept per feed (the most recently listed)
 * @param pageAttempts polls on which a transiently failing page is retried before the feed's own text is used
 * @param once poll each feed once and stop (demo, cron use) instead of following the feeds
 * @param stopTimeout how long a stop waits for polls in flight to finish their current item and save
 * @param maxHintedInterval the longest a publisher's hint (RSS ttl, sy:updatePeriod, Cache-Control max-age) may stretch
 *     the poll interval to (NEWSFLOW_FEED_MAX_HINTED_INTERVAL, default 1h); hints never shorten it
 */
public record FeedConfig(
        Path stateDir,
        Duration defaultInterval,
        Duration backoffInitial,
        Duration backoffMax,
        Duration maxRetryAfter,
        int goneAfter,
        int threads,
        int minFullTextChars,
        int maxBodyChars,
        int maxSeenPerFeed,
        int pageAttempts,
        boolean once,
        Duration stopTimeout,
        Duration maxHintedInterval) {

    public static FeedConfig defaults(Path stateDir) {
        return new FeedConfig(stateDir, Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24),
                3, 2, 1000, 200_000, 5000, 3, false, Duration.ofSeconds(60), Duration.ofHours(1));
    }

    public static FeedConfig from(Settings s) {
        FeedConfig d = defaults(Path.of(s.get("FEED_STATE_DIR", "data/feeds")));
        return new FeedConfig(d.stateDir(),
                FeedSubscription.parseInterval(s.get("FEED_INTERVAL", "5m")),
                FeedSubscription.parseInterval(s.get("FEED_BACKOFF_INITIAL", "1m")),
                FeedSubscription.parseInterval(s.get("FEED_BACKOFF_MAX", "1h")),
                d.maxRetryAfter(), d.goneAfter(),
                s.getInt("FEED_THREADS", d.threads()),
                d.minFullTextChars(), d.maxBodyChars(), d.maxSeenPerFeed(), d.pageAttempts(), false, d.stopTimeout(),
                FeedSubscription.parseInterval(s.get("FEED_MAX_HINTED_INTERVAL", "1h")));
    }

    public FeedConfig withStateDir(Path dir) {
        return new FeedConfig(dir, defaultInterval, backoffInitial, backoffMax, maxRetryAfter, goneAfter, threads, minFullTextChars, maxBodyChars, maxSeenPerFeed, pageAttempts, once, stopTimeout, maxHintedInterval);
    }

    public FeedConfig withInterval(Duration interval) {
        return new FeedConfig(stateDir, interval, backoffInitial, backoffMax, maxRetryAfter, goneAfter, threads, minFullTextChars, maxBodyChars, maxSeenPerFeed, pageAttempts, once, stopTimeout, maxHintedInterval);
    }

    public FeedConfig withBackoff(Duration initial, Duration max) {
        return new FeedConfig(stateDir, defaultInterval, initial, max, maxRetryAfter, goneAfter, threads, minFullTextChars, maxBodyChars, maxSeenPerFeed, pageAttempts, once, stopTimeout, maxHintedInterval);
    }

    public FeedConfig withOnce(boolean once) {
        return new FeedConfig(stateDir, defaultInterval, backoffInitial, backoffMax, maxRetryAfter, goneAfter, threads, minFullTextChars, maxBodyChars, maxSeenPerFeed, pageAttempts, once, stopTimeout, maxHintedInterval);
    }

    public FeedConfig withMaxHintedInterval(Duration cap) {
        return new FeedConfig(stateDir, defaultInterval, backoffInitial, backoffMax, maxRetryAfter, goneAfter, threads, minFullTextChars, maxBodyChars, maxSeenPerFeed, pageAttempts, once, stopTimeout, cap);
    }

    public FeedConfig withLimits(int minFullTextChars, int maxBodyChars, int maxSeenPerFeed, int pageAttempts) {
        return new FeedConfig(stateDir, defaultInterval, backoffInitial, backoffMax, maxRetryAfter, goneAfter, threads, minFullTextChars, maxBodyChars, maxSeenPerFeed, pageAttempts, once, stopTimeout, maxHintedInterval);
    }
}
