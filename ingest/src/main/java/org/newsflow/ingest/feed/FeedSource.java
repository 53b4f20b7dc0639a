package org.newsflow.ingest.feed;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.newsflow.contract.Json;
import org.newsflow.ingest.fetch.FetchResult;
import org.newsflow.ingest.fetch.Fetcher;
import org.newsflow.ingest.fetch.Outcome;
import org.newsflow.ingest.source.ArticleSource;
import org.newsflow.ingest.source.SourceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows RSS/Atom feeds: each feed is polled on its own interval by a small pool fed from a delay queue
 * ({@link ScheduledThreadPoolExecutor}), with conditional GET, exponential backoff with jitter on failure (at least
 * the server's Retry-After), and feeds marked gone after repeated 410s. New items become articles from the feed's
 * own text when it carries the full article, or from the linked page otherwise. What each feed delivered is kept in
 * a {@link FeedStateStore}, saved after the delivery barrier, so a restarted collector neither loses nor republishes
 * items. Bad input of any kind is logged, counted in {@link FeedMetrics}, and never stops the other feeds.
 */
public final class FeedSource implements ArticleSource {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSource.class);

    private final List<FeedSubscription> feeds;
    private final FeedConfig config;
    private final Fetcher fetcher;
    private final Pages pages;
    private final FeedParser parser = new FeedParser();
    private final FeedMetrics metrics;
    private final FeedStateStore store;
    private final DeliveryBarrier barrier;
    private final Map<URI, FeedState> states = new ConcurrentHashMap<>();
    /** Article id -> feed that delivered it: the same article in two feeds is published once. */
    private final Map<String, String> delivered = new ConcurrentHashMap<>();
    private final Object deliverLock = new Object();
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private volatile boolean closing;
    private final AtomicInteger polls = new AtomicInteger();

    public FeedSource(List<FeedSubscription> feeds, FeedConfig config, Fetcher fetcher, PageExtractor extractor,
            MeterRegistry registry, DeliveryBarrier barrier) throws java.io.IOException {
        this.feeds = List.copyOf(feeds);
        this.config = config;
        this.fetcher = fetcher;
        this.metrics = new FeedMetrics(registry);
        this.pages = new Pages(fetcher, extractor, metrics, config.maxBodyChars());
        this.store = new FeedStateStore(config.stateDir());
        this.barrier = barrier;
    }

    @Override
    public String name() {
        return "feeds";
    }

    @Override
    public boolean finite() {
        return config.once();
    }

    /** Completed polls (successful or not), for tests and logs. */
    public int polls() {
        return polls.get();
    }

    public FeedMetrics metrics() {
        return metrics;
    }

    @Override
    public void run(Consumer<SourceItem> out, BooleanSupplier stopped) throws Exception {
        BooleanSupplier halt = () -> closing || stopped.getAsBoolean();
        for (FeedState s : store.loadAll()) {
            s.seen.values().forEach(seen -> {
                if (seen.articleId() != null) {
                    delivered.putIfAbsent(seen.articleId(), s.url);
                }
            });
        }
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(Math.max(1, config.threads()), r -> {
            Thread t = new Thread(r, "feed-poller");
            t.setDaemon(true);
            return t;
        });
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        CountDownLatch once = new CountDownLatch(feeds.size());
        Instant now = Instant.now();
        for (FeedSubscription feed : feeds) {
            FeedState st = store.load(feed.url().toString());
            states.put(feed.url(), st);
            if (st.gone) {
                LOG.warn("feed {} is marked gone (HTTP 410 {} times); remove it from the list or delete its state to retry",
                        feed.url(), st.consecutiveGone);
                once.countDown();
                continue;
            }
            long delay = config.once() || st.notBefore == null ? 0 : Math.max(0, Duration.between(now, st.notBefore).toMillis());
            pool.schedule(() -> poll(feed, out, halt, pool, once), delay, TimeUnit.MILLISECONDS);
        }
        updateGauges();
        LOG.info("following {} feeds ({}), state in {}", feeds.size(), config.once() ? "one poll each" : "until stopped", store.dir());
        try {
            while (!halt.getAsBoolean() && fatal.get() == null) {
                if (once.await(50, TimeUnit.MILLISECONDS) && config.once()) {
                    break;
                }
            }
        } finally {
            closing = true;
            pool.shutdown();
            // In-flight polls see the stop between items, save what they delivered and return.
            if (!pool.awaitTermination(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("feed polls still running after {}; abandoning them", config.stopTimeout());
                pool.shutdownNow();
            }
        }
        Throwable t = fatal.get();
        if (t instanceof Exception e) {
            throw e;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private void poll(FeedSubscription feed, Consumer<SourceItem> out, BooleanSupplier halt, ScheduledThreadPoolExecutor pool, CountDownLatch once) {
        FeedState st = states.get(feed.url());
        Duration next;
        try {
            next = pollOnce(feed, st, out, halt);
        } catch (DeliveryFailed e) {
            fatal.compareAndSet(null, e.getCause());
            next = null;
        } catch (RuntimeException e) {
            // A bug or an unexpected library failure on one feed must not stop the others.
            LOG.error("feed {}: unexpected failure", feed.url(), e);
            next = failure(feed, st, "internal", e.toString(), null);
        }
        polls.incrementAndGet();
        updateGauges();
        if (config.once()) {
            once.countDown();
        } else if (next != null && !halt.getAsBoolean()) {
            try {
                pool.schedule(() -> poll(feed, out, halt, pool, once), next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // shutting down: the feed is polled again at the next start
            }
        }
    }

    /** One poll of one feed; returns the delay until the next, or null when the feed is not to be polled again. */
    private Duration pollOnce(FeedSubscription feed, FeedState st, Consumer<SourceItem> out, BooleanSupplier halt) {
        String name = feed.title();
        // An item whose page failed transiently is retried: ask for the whole feed, not "anything new".
        Fetcher.Conditional conditional = st.pending.isEmpty() ? new Fetcher.Conditional(st.etag, st.lastModified) : Fetcher.Conditional.NONE;
        URI target = st.movedTo == null ? feed.url() : URI.create(st.movedTo);
        FetchResult r = fetcher.fetch(target, Fetcher.Purpose.FEED, conditional, halt);
        if (r.outcome() == Outcome.STOPPED) {
            return Duration.ZERO;
        }
        metrics.fetched(name, "feed", r.outcome().tag());
        if (r.permanentRedirect() && r.outcome().success() && !r.uri().equals(target)) {
            st.movedTo = r.uri().equals(feed.url()) ? null : r.uri().toString();
            LOG.info("feed {} has moved permanently to {}: polled there from now on (kept in its state); update the feed list",
                    feed.url(), r.uri());
        }
        if (r.outcome() != Outcome.GONE) {
            st.consecutiveGone = 0;
        }
        switch (r.outcome()) {
            case NOT_MODIFIED -> {
                succeeded(feed, st);
                save(st);
                return PollInterval.next(feed, st, config);
            }
            case OK -> {
                FeedParser.ParsedFeed parsed;
                try {
                    parsed = parser.parse(r.body(), r.contentType(), r.uri());
                } catch (FeedProblem p) {
                    return failure(feed, st, p.kind(), p.getMessage(), null);
                }
                if (parsed.entries().isEmpty()) {
                    metrics.failed(name, "feed", "empty_feed");
                    LOG.warn("feed {}: no items", feed.url());
                }
                boolean complete = deliver(feed, st, parsed, out, halt);
                succeeded(feed, st);
                st.updateHintSeconds = PollInterval.seconds(UpdateHints.longer(parsed.updateHint(),
                        UpdateHints.longer(r.maxAge(), r.retryAfter())));
                if (complete) {
                    st.etag = r.etag();
                    st.lastModified = r.lastModified();
                }
                st.prune(config.maxSeenPerFeed());
                try {
                    barrier.awaitDelivered();
                } catch (Exception e) {
                    // Not saved: the items are delivered again on the next poll rather than lost.
                    LOG.error("feed {}: delivery to Kafka failed ({}); its items will be delivered again", feed.url(), e.toString());
                    metrics.failed(name, "feed", "delivery");
                    FeedState saved = store.load(feed.url().toString());
                    st.seen.forEach((id, seen) -> {
                        if (!saved.seen.containsKey(id) && seen.articleId() != null) {
                            delivered.remove(seen.articleId(), feed.url().toString());
                        }
                    });
                    saved.consecutiveFailures++;
                    states.put(feed.url(), saved);
                    return backoff(saved.consecutiveFailures);
                }
                save(st);
                return PollInterval.next(feed, st, config);
            }
            case GONE -> {
                st.consecutiveGone++;
                if (st.consecutiveGone >= config.goneAfter()) {
                    st.gone = true;
                    metrics.failed(name, "feed", "gone");
                    LOG.error("feed {} answered 410 Gone {} times in a row: marked gone, no longer polled", feed.url(), st.consecutiveGone);
                    save(st);
                    return null;
                }
                return failure(feed, st, Outcome.GONE.tag(), r.toString(), r.retryAfter());
            }
            default -> {
                return failure(feed, st, r.outcome().tag(), r.toString(), r.retryAfter());
            }
        }
    }

    /** Delivers the new items of one document, oldest first; false when stopped before the end. */
    private boolean deliver(FeedSubscription feed, FeedState st, FeedParser.ParsedFeed parsed, Consumer<SourceItem> out, BooleanSupplier halt) {
        String name = feed.title();
        String publisher = parsed.title().isBlank() ? name : parsed.title();
        List<FeedEntry> entries = new ArrayList<>(parsed.entries());
        Collections.reverse(entries); // feeds list newest first; the topic should read in publication order
        long now = System.currentTimeMillis();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (FeedEntry e : entries) {
            if (halt.getAsBoolean()) {
                return false;
            }
            listed.add(e.id());
            FeedState.Seen seen = st.seen.get(e.id());
            if (seen != null) {
                st.seen.put(e.id(), new FeedState.Seen(seen.articleId(), now));
                metrics.item(name, "seen");
                continue;
            }
            SourceItem item = item(feed, publisher, st, e, halt);
            if (item == null) {
                continue; // page failed transiently: the item is tried again on the next poll
            }
            String articleId = null;
            if (item.ok()) {
                articleId = item.article().id();
                String other = delivered.putIfAbsent(articleId, feed.url().toString());
                if (other != null) {
                    metrics.item(name, "duplicate");
                    LOG.debug("feed {}: item {} is article {} already delivered by {}", feed.url(), e.id(), articleId, other);
                    st.seen.put(e.id(), new FeedState.Seen(articleId, now));
                    st.pending.remove(e.id());
                    continue;
                }
            }
            try {
                synchronized (deliverLock) {
                    out.accept(item);
                }
            } catch (RuntimeException failed) {
                if (articleId != null) {
                    delivered.remove(articleId);
                }
                throw new DeliveryFailed(failed);
            }
            if (item.ok()) {
                metrics.item(name, "new");
                metrics.lag(name, item.article().publishedAt(), Instant.now());
            } else {
                metrics.item(name, "rejected");
                LOG.warn("feed {}: item {} rejected: {}", feed.url(), e.id(), item.error());
            }
            st.seen.put(e.id(), new FeedState.Seen(articleId, now));
            st.pending.remove(e.id());
        }
        // An item that left the feed while its page was being retried is not coming back: stop asking for it.
        st.pending.keySet().retainAll(listed);
        return true;
    }

    /** The article (or rejection) for a new item; null when its page failed transiently and is to be retried. */
    private SourceItem item(FeedSubscription feed, String publisher, FeedState st, FeedEntry e, BooleanSupplier halt) {
        String name = feed.title();
        String origin = feed.url().toString();
        byte[] original = Pages.cap(Json.toBytes(e));
        String text = e.text();
        if (e.link() == null && text.isEmpty()) {
            metrics.failed(name, "feed", "bad_item");
            return SourceItem.rejected(origin, original, "feed item has neither a link nor any text"
                    + (e.title().isEmpty() ? " (nor a title)" : " (title '" + e.title() + "')"));
        }
        if (e.link() != null && e.content().length() < config.minFullTextChars()) {
            Pages.PageResult p = pages.fetch(URI.create(e.link()), name, e, halt);
            if (p.retry()) {
                if (halt.getAsBoolean()) {
                    return null;
                }
                int attempts = st.pending.merge(e.id(), 1, Integer::sum);
                if (attempts < config.pageAttempts()) {
                    LOG.info("feed {}: page {} failed ({}), retried on the next poll ({} of {})", feed.url(), e.link(),
                            p.fetch().outcome().tag(), attempts, config.pageAttempts());
                    return null;
                }
            } else if (p.item().ok()) {
                SourceItem page = p.item();
                return page.withArticle(Pages.withPublisher(page.article(), publisher));
            } else if (p.fetch().ok()) {
                return p.item(); // fetched, but not HTML or no article on it: dead-lettered with the reason
            }
            // The page cannot be had (gone, robots, too large, retries used up): the feed's own text is what there is.
            if (text.isEmpty()) {
                return SourceItem.rejected(origin, original, "feed item has no text and its page failed: " + p.fetch());
            }
            LOG.info("feed {}: page {} unusable ({}); publishing the feed's text", feed.url(), e.link(), p.fetch().outcome().tag());
        }
        return pages.build(origin, e.link(), publisher, e.title(), text, e.language(), e.publishedAt(), original);
    }

    private void succeeded(FeedSubscription feed, FeedState st) {
        st.consecutiveFailures = 0;
        st.notBefore = null;
        st.lastSuccess = Instant.now();
        metrics.succeeded(feed.title(), st.lastSuccess);
    }

    private Duration failure(FeedSubscription feed, FeedState st, String reason, String detail, Duration retryAfter) {
        st.consecutiveFailures++;
        metrics.failed(feed.title(), "feed", reason);
        Duration delay = backoff(st.consecutiveFailures);
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : retryAfter;
            if (asked.compareTo(delay) > 0) {
                delay = asked;
            }
        }
        st.notBefore = Instant.now().plus(delay);
        LOG.warn("feed {} failed ({}): {}; failure {} in a row, next try in {} ms", feed.url(), reason, detail,
                st.consecutiveFailures, delay.toMillis());
        save(st);
        return delay;
    }

    /** Exponential backoff with "equal jitter": half the doubled delay, plus a random part of the other half. */
    Duration backoff(int failures) {
        long base = config.backoffInitial().toMillis();
        long max = config.backoffMax().toMillis();
        long d = failures >= 31 ? max : Math.min(max, base << Math.max(0, failures - 1));
        return Duration.ofMillis(d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1));
    }

    private void save(FeedState st) {
        try {
            store.save(st);
        } catch (java.io.IOException e) {
            // The next successful save catches up; until then a restart may deliver some items again.
            LOG.error("cannot save feed state for {}: {}", st.url, e.toString());
        }
    }

    private void updateGauges() {
        long gone = 0;
        long backoff = 0;
        for (FeedState s : states.values()) {
            if (s.gone) {
                gone++;
            } else if (s.consecutiveFailures > 0) {
                backoff++;
            }
        }
        metrics.feeds(states.size() - gone - backoff, backoff, gone);
    }

    /** The output refused an item: the collector cannot go on. */
    private static final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(Throwable cause) {
            super(cause);
        }
    }
}
