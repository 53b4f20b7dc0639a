package org.newsflow.ingest.feed;

import java.time.Duration;

/**
 * The delay until a feed's next regular poll. A publisher may say its feed changes less often than we would poll it
 * (RSS {@code <ttl>}, {@code sy:updatePeriod}, HTTP {@code Cache-Control: max-age}, a {@code Retry-After} on a good
 * answer): polling sooner only costs both sides, so the hint lengthens the interval, up to a cap so that a feed
 * claiming to change yearly is still read (news feeds often keep a template's "daily" while publishing hourly). A
 * hint never shortens the configured interval: a feed cannot make newsflow poll it more often than the operator set.
 */
final class PollInterval {
    private PollInterval() {}

    /** The delay until the next regular poll of a feed, from its list entry, its state's hint and the settings. */
    static Duration next(FeedSubscription feed, FeedState st, FeedConfig config) {
        Duration configured = feed.interval() != null ? feed.interval() : config.defaultInterval();
        Duration hint = st.updateHintSeconds == null ? null : Duration.ofSeconds(st.updateHintSeconds);
        return of(configured, hint, config.maxHintedInterval());
    }

    /** A hint as whole seconds for the feed's state, or null. */
    static Long seconds(Duration hint) {
        return hint == null ? null : hint.toSeconds();
    }

    /**
     * @param configured the feed's interval from the list, else the default
     * @param hint the publisher's hint (may be null)
     * @param cap the longest a hint may stretch the interval to (a configured interval above it is kept)
     */
    static Duration of(Duration configured, Duration hint, Duration cap) {
        if (hint == null || hint.compareTo(configured) <= 0) {
            return configured;
        }
        Duration limit = cap.compareTo(configured) > 0 ? cap : configured;
        return hint.compareTo(limit) > 0 ? limit : hint;
    }
}
