package org.newsflow.sink;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.sink.store.ArticlePage;
import org.newsflow.sink.store.ArticleQuery;
import org.newsflow.sink.store.ArticleStore;
import org.newsflow.sink.store.ArticleVersion;
import org.newsflow.sink.store.StatSeries;
import org.newsflow.sink.store.StatsQuery;
import org.newsflow.sink.store.StoreException;
import org.newsflow.sink.store.UpsertResult;

/**
 * A real store with faults switched in: while {@code down}, every write fails like a lost connection; a write
 * containing a {@code poisoned} id throws what {@code poison} supplies (a bug, say, or an Error). Everything else
 * goes to the real store underneath.
 */
public final class FaultyStore implements ArticleStore {
    public final ArticleStore delegate;
    public volatile boolean down;
    public final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    public volatile Supplier<? extends Throwable> poison = () -> new IllegalStateException("simulated bug");
    /** Writes attempted with a poisoned id in them. */
    public final AtomicInteger poisonedAttempts = new AtomicInteger();

    public FaultyStore(ArticleStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public UpsertResult upsert(List<ArticleVersion> versions) {
        if (down) {
            throw new StoreException("connection refused (simulated outage)", false, null);
        }
        if (versions.stream().anyMatch(v -> poisoned.contains(v.id()))) {
            poisonedAttempts.incrementAndGet();
            Throwable t = poison.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) t;
        }
        return delegate.upsert(versions);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public void ping() {
        if (down) {
            throw new StoreException("connection refused (simulated outage)", false, null);
        }
        delegate.ping();
    }

    @Override
    public Optional<EnrichedArticle> find(String id) {
        return delegate.find(id);
    }

    @Override
    public Optional<String> findJson(String id) {
        return delegate.findJson(id);
    }

    @Override
    public ArticlePage search(ArticleQuery query) {
        return delegate.search(query);
    }

    @Override
    public List<StatSeries> stats(StatsQuery query) {
        return delegate.stats(query);
    }

    @Override
    public List<org.newsflow.sink.store.StatSeries> timeline(org.newsflow.sink.store.TimelineQuery query) {
        return delegate.timeline(query);
    }

    @Override
    public List<org.newsflow.sink.store.CountryActivity> countryActivity(org.newsflow.sink.store.ArticleFilter filter) {
        return delegate.countryActivity(filter);
    }

    @Override
    public List<org.newsflow.sink.store.Counterpart> counterparts(org.newsflow.sink.store.ArticleFilter filter,
            List<String> countries, int limit) {
        return delegate.counterparts(filter, countries, limit);
    }

    @Override
    public Optional<org.newsflow.sink.store.PersonProfile> person(String key, org.newsflow.sink.store.ArticleFilter filter) {
        return delegate.person(key, filter);
    }

    @Override
    public void addListener(org.newsflow.sink.store.ArticleStoreListener listener) {
        delegate.addListener(listener);
    }

    @Override
    public String describe() {
        return "faulty(" + delegate.describe() + ")";
    }

    @Override
    public void close() {}
}
