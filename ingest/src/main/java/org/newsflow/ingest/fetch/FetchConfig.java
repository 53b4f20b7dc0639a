package org.newsflow.ingest.fetch;

import java.time.Duration;
import java.util.Objects;
import org.newsflow.contract.Settings;

/**
 * How the fetcher behaves towards servers. Every duration is configurable so that tests run on milliseconds.
 *
 * @param userAgent the User-Agent header; it names newsflow so that publishers can tell who polls them
 * @param robotsAgent the product token matched against robots.txt groups ({@code User-agent: newsflow})
 * @param connectTimeout TCP/TLS connect timeout
 * @param totalTimeout deadline for one fetch, all redirect hops, headers and body together: a server that trickles
 *     bytes is cut off here
 * @param maxCompressedBytes cap on the bytes read from the wire
 * @param maxBytes cap on the bytes after decompression, so a gzip bomb is cut off
 * @param maxRedirects redirect hops followed before giving up
 * @param hostInterval politeness: the least time between two requests to one host
 * @param maxCrawlDelay the longest robots.txt Crawl-delay honoured (a site asking for an hour is read as this)
 * @param robotsTtl how long a host's robots.txt is cached
 */
public record FetchConfig(
        String userAgent,
        String robotsAgent,
        Duration connectTimeout,
        Duration totalTimeout,
        long maxCompressedBytes,
        long maxBytes,
        int maxRedirects,
        Duration hostInterval,
        Duration maxCrawlDelay,
        Duration robotsTtl) {

    public static final String DEFAULT_USER_AGENT = "newsflow/0.1 (news feed collector; robots.txt agent: newsflow)";

    public FetchConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(robotsAgent, "robotsAgent");
        if (maxCompressedBytes <= 0 || maxBytes <= 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("caps must be positive and maxRedirects >= 0");
        }
    }

    public static FetchConfig defaults() {
        return new FetchConfig(DEFAULT_USER_AGENT, "newsflow", Duration.ofSeconds(10), Duration.ofSeconds(30),
                5L << 20, 5L << 20, 5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1));
    }

    /**
     * From the environment: NEWSFLOW_FETCH_USER_AGENT, NEWSFLOW_FETCH_TIMEOUT_MS, NEWSFLOW_FETCH_MAX_BYTES (applies to
     * compressed and decompressed size), NEWSFLOW_FETCH_MAX_REDIRECTS, NEWSFLOW_FETCH_HOST_INTERVAL_MS.
     */
    public static FetchConfig from(Settings s) {
        FetchConfig d = defaults();
        long maxBytes = Long.parseLong(s.get("FETCH_MAX_BYTES", Long.toString(d.maxBytes())));
        return new FetchConfig(
                s.get("FETCH_USER_AGENT", d.userAgent()),
                d.robotsAgent(),
                d.connectTimeout(),
                Duration.ofMillis(Long.parseLong(s.get("FETCH_TIMEOUT_MS", Long.toString(d.totalTimeout().toMillis())))),
                maxBytes,
                maxBytes,
                Integer.parseInt(s.get("FETCH_MAX_REDIRECTS", Integer.toString(d.maxRedirects()))),
                Duration.ofMillis(Long.parseLong(s.get("FETCH_HOST_INTERVAL_MS", Long.toString(d.hostInterval().toMillis())))),
                d.maxCrawlDelay(),
                d.robotsTtl());
    }

    public FetchConfig withUserAgent(String ua) {
        return new FetchConfig(ua, robotsAgent, connectTimeout, totalTimeout, maxCompressedBytes, maxBytes, maxRedirects, hostInterval, maxCrawlDelay, robotsTtl);
    }

    public FetchConfig withTimeouts(Duration connect, Duration total) {
        return new FetchConfig(userAgent, robotsAgent, connect, total, maxCompressedBytes, maxBytes, maxRedirects, hostInterval, maxCrawlDelay, robotsTtl);
    }

    public FetchConfig withCaps(long compressed, long decompressed) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, totalTimeout, compressed, decompressed, maxRedirects, hostInterval, maxCrawlDelay, robotsTtl);
    }

    public FetchConfig withHostInterval(Duration interval) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, totalTimeout, maxCompressedBytes, maxBytes, maxRedirects, interval, maxCrawlDelay, robotsTtl);
    }

    public FetchConfig withMaxRedirects(int hops) {
        return new FetchConfig(userAgent, robotsAgent, connectTimeout, totalTimeout, maxCompressedBytes, maxBytes, hops, hostInterval, maxCrawlDelay, robotsTtl);
    }
}
