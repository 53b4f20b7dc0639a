package org.newsflow.ingest.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-source meters of the feed and page collectors; {@code source} is the feed's title (or host + path), or
 * {@code pages} for URLs given directly. In Prometheus:
 * <ul>
 *   <li>{@code newsflow_ingest_source_fetches_total{source,kind,outcome}}: kind feed|page, outcome ok|not_modified|...</li>
 *   <li>{@code newsflow_ingest_source_failures_total{source,kind,reason}}: http statuses, timeout, too_large,
 *       redirect_loop, malformed_xml, html_not_feed, not_html, no_article, bad_item, ...</li>
 *   <li>{@code newsflow_ingest_source_items_total{source,status}}: new, seen (already delivered by this feed),
 *       duplicate (delivered by another feed), rejected (dead-lettered)</li>
 *   <li>{@code newsflow_ingest_source_last_success_seconds{source}}: epoch seconds of the last good fetch</li>
 *   <li>{@code newsflow_ingest_source_publish_lag_seconds{source}}: publishedAt to hand-over to the publisher</li>
 *   <li>{@code newsflow_ingest_feeds{state}}: feeds active, in backoff, gone</li>
 * </ul>
 */
public final class FeedMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> feedsByState = new ConcurrentHashMap<>();

    public FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String state : new String[] {"active", "backoff", "gone"}) {
            AtomicLong n = new AtomicLong();
            feedsByState.put(state, n);
            Gauge.builder("newsflow.ingest.feeds", n, AtomicLong::get).tag("state", state)
                    .description("followed feeds by state").register(registry);
        }
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void fetched(String source, String kind, String outcome) {
        Counter.builder("newsflow.ingest.source.fetches").tags("source", source, "kind", kind, "outcome", outcome)
                .description("HTTP fetches by source and outcome").register(registry).increment();
    }

    public void failed(String source, String kind, String reason) {
        Counter.builder("newsflow.ingest.source.failures").tags("source", source, "kind", kind, "reason", reason)
                .description("fetch and parse failures by source and reason").register(registry).increment();
    }

    public void item(String source, String status) {
        Counter.builder("newsflow.ingest.source.items").tags("source", source, "status", status)
                .description("feed items and pages by outcome: new, seen, duplicate, rejected").register(registry).increment();
    }

    public void succeeded(String source, Instant when) {
        lastSuccess.computeIfAbsent(source, s -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("newsflow.ingest.source.last.success", v, AtomicLong::get).tag("source", s).baseUnit("seconds")
                    .description("epoch seconds of the last successful fetch").register(registry);
            return v;
        }).set(when.getEpochSecond());
    }

    /** Time from the article's publication to its hand-over to the publisher (negative lags, from clock skew, count as 0). */
    public void lag(String source, Instant publishedAt, Instant now) {
        if (publishedAt == null) {
            return;
        }
        Duration lag = Duration.between(publishedAt, now);
        Timer.builder("newsflow.ingest.source.publish.lag").tag("source", source)
                .description("publishedAt to publish")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(2))
                .register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void feeds(long active, long backoff, long gone) {
        feedsByState.get("active").set(active);
        feedsByState.get("backoff").set(backoff);
        feedsByState.get("gone").set(gone);
    }

    /** A counter's current value, for tests and the summary line. */
    public double count(String name, String... tags) {
        var c = registry.find(name).tags(tags).counters();
        return c.stream().mapToDouble(Counter::count).sum();
    }
}
