package org.newsflow.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsflow.contract.Settings;
import org.newsflow.ingest.feed.DeliveryBarrier;
import org.newsflow.ingest.feed.Extractors;
import org.newsflow.ingest.feed.FeedConfig;
import org.newsflow.ingest.feed.FeedList;
import org.newsflow.ingest.feed.FeedSource;
import org.newsflow.ingest.feed.FeedSubscription;
import org.newsflow.ingest.feed.PageSource;
import org.newsflow.ingest.feed.Pages;
import org.newsflow.ingest.fetch.FetchConfig;
import org.newsflow.ingest.fetch.Fetcher;
import org.newsflow.ingest.source.ArticleSource;
import picocli.CommandLine.Option;

/**
 * The feed and page options of {@code newsflow ingest} (a mixin, so the command itself stays small): follow feeds
 * from lists or URLs, and fetch article pages given as URLs among the inputs.
 */
final class FeedOptions {
    @Option(names = "--feeds", paramLabel = "FILE", description = "feed list to follow: one URL per line (optional poll interval after it, # comments) or OPML; repeatable")
    List<Path> feedLists = new ArrayList<>();

    @Option(names = "--feed", paramLabel = "URL", description = "a feed URL to follow; repeatable")
    List<String> feedUrls = new ArrayList<>();

    @Option(names = "--once", description = "poll each feed once, publish what is new, and exit (default: follow until stopped)")
    boolean once;

    @Option(names = "--feed-interval", paramLabel = "DURATION", description = "poll interval of feeds that set none, e.g. 5m, 90s (env NEWSFLOW_FEED_INTERVAL, default 5m)")
    String interval;

    @Option(names = "--feed-state", paramLabel = "DIR", description = "where what each feed delivered is kept across restarts (env NEWSFLOW_FEED_STATE_DIR, default data/feeds)")
    Path stateDir;

    @Option(names = "--user-agent", paramLabel = "UA", description = "User-Agent of feed and page requests (env NEWSFLOW_FETCH_USER_AGENT)")
    String userAgent;

    @Option(names = "--host-interval", paramLabel = "DURATION", description = "least time between two requests to one host (env NEWSFLOW_FETCH_HOST_INTERVAL_MS, default 1s)")
    String hostInterval;

    static boolean isUrl(String input) {
        String s = input.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** True when feeds are followed (a long-running source). */
    boolean followsFeeds() {
        return !feedLists.isEmpty() || !feedUrls.isEmpty();
    }

    /**
     * The page and feed sources the options and URL inputs ask for; their meters go to {@code registry}, and feed
     * state is saved only after {@code delivered} returns (Kafka has acknowledged the items).
     */
    List<ArticleSource> sources(Settings settings, List<String> pageUrls, MeterRegistry registry, DeliveryBarrier delivered) throws Exception {
        List<ArticleSource> sources = new ArrayList<>();
        List<FeedSubscription> subscriptions = new ArrayList<>();
        for (Path list : feedLists) {
            subscriptions.addAll(FeedList.read(list));
        }
        feedUrls.forEach(u -> subscriptions.addAll(FeedList.parseText(u, "--feed")));
        if (pageUrls.isEmpty() && subscriptions.isEmpty()) {
            return sources;
        }
        FetchConfig fetch = FetchConfig.from(settings);
        if (userAgent != null) {
            fetch = fetch.withUserAgent(userAgent);
        }
        if (hostInterval != null) {
            fetch = fetch.withHostInterval(FeedSubscription.parseInterval(hostInterval));
        }
        FeedConfig feeds = FeedConfig.from(settings).withOnce(once);
        if (interval != null) {
            feeds = feeds.withInterval(FeedSubscription.parseInterval(interval));
        }
        if (stateDir != null) {
            feeds = feeds.withStateDir(stateDir);
        }
        Fetcher fetcher = new Fetcher(fetch);
        if (!pageUrls.isEmpty()) {
            sources.add(new PageSource(pageUrls.stream().map(URI::create).toList(), new Pages(fetcher, Extractors.standard(),
                    new org.newsflow.ingest.feed.FeedMetrics(registry), feeds.maxBodyChars()), 3, Duration.ofSeconds(1)));
        }
        if (!subscriptions.isEmpty()) {
            sources.add(new FeedSource(subscriptions, feeds, fetcher, Extractors.standard(), registry, delivered));
        }
        return sources;
    }
}
