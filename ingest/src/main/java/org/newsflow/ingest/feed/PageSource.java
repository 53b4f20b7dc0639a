package org.newsflow.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.newsflow.ingest.source.ArticleSource;
import org.newsflow.ingest.source.SourceItem;

/**
 * Pages given directly ({@code newsflow ingest URL...}): each is fetched (robots.txt and politeness apply),
 * extracted and delivered once; a page that fails transiently is retried a few times with backoff (at least the
 * server's Retry-After, at most 30 s), then dead-lettered with the reason.
 */
public final class PageSource implements ArticleSource {
    private final List<URI> urls;
    private final Pages pages;
    private final int attempts;
    private final Duration retryDelay;

    public PageSource(List<URI> urls, Pages pages, int attempts, Duration retryDelay) {
        this.urls = List.copyOf(urls);
        this.pages = pages;
        this.attempts = Math.max(1, attempts);
        this.retryDelay = retryDelay;
    }

    @Override
    public String name() {
        return "pages";
    }

    @Override
    public void run(Consumer<SourceItem> out, BooleanSupplier stopped) throws InterruptedException {
        for (URI url : urls) {
            for (int attempt = 1; ; attempt++) {
                if (stopped.getAsBoolean()) {
                    return;
                }
                Pages.PageResult p = pages.fetch(url, "pages", null, stopped);
                if (!p.retry()) {
                    out.accept(p.item());
                    break;
                }
                if (attempt >= attempts) {
                    out.accept(SourceItem.rejected(url.toString(), new byte[0], "page " + p.fetch() + " (after " + attempt + " attempts)"));
                    break;
                }
                long wait = retryDelay.toMillis() << (attempt - 1);
                if (p.fetch().retryAfter() != null) {
                    wait = Math.max(wait, p.fetch().retryAfter().toMillis());
                }
                Thread.sleep(Math.min(wait, 30_000));
            }
        }
    }
}
