package org.newsflow.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.newsflow.contract.Settings;
import org.newsflow.ingest.IngestService;
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
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.ingest.source.ArticleSource;
import org.newsflow.ingest.source.FileSource;
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

    /** Whether feeds or page URLs were asked for (otherwise the plain file ingest runs). */
    boolean used(List<String> inputs) {
        return !feedLists.isEmpty() || !feedUrls.isEmpty() || inputs.stream().anyMatch(FeedOptions::isUrl);
    }

    static boolean isUrl(String input) {
        String s = input.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /** Runs files, pages and feeds through one collector; returns the exit code. */
    int run(Settings settings, List<String> inputs) throws Exception {
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
        // MERGE: the ingest health server's registry, so these meters appear on its /metrics.
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        List<ArticleSource> sources = new ArrayList<>();
        List<Path> files = inputs.stream().filter(i -> !isUrl(i)).map(Path::of).toList();
        List<URI> pages = inputs.stream().filter(FeedOptions::isUrl).map(URI::create).toList();
        if (!files.isEmpty()) {
            sources.add(new FileSource(files));
        }
        if (!pages.isEmpty()) {
            sources.add(new PageSource(pages, new Pages(fetcher, Extractors.standard(), new org.newsflow.ingest.feed.FeedMetrics(registry),
                    feeds.maxBodyChars()), 3, Duration.ofSeconds(1)));
        }
        List<FeedSubscription> subscriptions = new ArrayList<>();
        for (Path list : feedLists) {
            subscriptions.addAll(FeedList.read(list));
        }
        feedUrls.forEach(u -> subscriptions.addAll(FeedList.parseText(u, "--feed")));
        if (!subscriptions.isEmpty()) {
            // MERGE: a barrier that flushes the publisher and checks its acknowledgements (see docs/sources.md).
            sources.add(new FeedSource(subscriptions, feeds, fetcher, Extractors.standard(), registry, DeliveryBarrier.NONE));
        }

        IngestService service = new IngestService(IngestConfig.from(settings));
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C / SIGTERM: let polls in flight save their state, and Kafka acknowledge what was sent.
            service.stop();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ingest-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            IngestService.Summary s = service.run(sources);
            System.out.printf("%d articles published, %d inputs rejected to the dead-letter topic%n", s.published(), s.rejected());
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch above
            }
        }
    }
}
