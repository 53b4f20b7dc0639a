package org.newsflow.ingest.feed;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.newsflow.ingest.fetch.FetchConfig;
import org.newsflow.ingest.fetch.Fetcher;
import org.newsflow.ingest.source.SourceItem;

/** Shared helpers: fixture feeds and pages written inline (links always point at the local fixture server). */
final class FeedTesting {
    private FeedTesting() {}

    static final String LONG_PARAGRAPH = "The regional council met on Thursday evening to debate the budget for the coming year. "
            + "Members argued for more than three hours over the cost of road repairs, school buses and the new library. "
            + "In the end the budget passed by a narrow margin, and the mayor said work on the roads would start in spring.";

    static Fetcher fetcher() {
        return new Fetcher(FetchConfig.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withHostInterval(Duration.ZERO));
    }

    static FeedConfig config(Path stateDir) {
        return FeedConfig.defaults(stateDir)
                .withInterval(Duration.ofMillis(50))
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .withLimits(200, 200_000, 5000, 3)
                .withOnce(true);
    }

    static String rss(String title, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>" + title + "</title><link>http://127.0.0.1/</link><description>d</description><language>en</language>"
                + String.join("", items) + "</channel></rss>";
    }

    static String item(String guid, String title, String link, String description, String content) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid>"
                + (title == null ? "" : "<title>" + title + "</title>")
                + (link == null ? "" : "<link>" + link + "</link>")
                + (description == null ? "" : "<description>" + description + "</description>")
                + (content == null ? "" : "<content:encoded><![CDATA[" + content + "]]></content:encoded>")
                + "<pubDate>Sat, 28 Nov 2026 08:00:00 GMT</pubDate></item>";
    }

    static String page(String title, String... paragraphs) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | Site</title>"
                + "<meta property=\"og:title\" content=\"" + title + "\"></head><body><nav><p>Home | World | Sport</p></nav><article><h1>" + title + "</h1>");
        for (String p : paragraphs) {
            b.append("<p>").append(p).append("</p>");
        }
        return b.append("</article><footer><p>Copyright</p></footer></body></html>").toString();
    }

    /** Runs a source to completion (once mode) or until {@code stop} is set, collecting what it delivers. */
    static final class Run {
        final List<SourceItem> items = new CopyOnWriteArrayList<>();
        final AtomicBoolean stop = new AtomicBoolean();
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();

        FeedSource source(List<FeedSubscription> feeds, FeedConfig config) throws Exception {
            return new FeedSource(feeds, config, fetcher(), Extractors.standard(), registry, DeliveryBarrier.NONE);
        }

        List<SourceItem> articles() {
            return items.stream().filter(SourceItem::ok).toList();
        }

        List<SourceItem> rejected() {
            return items.stream().filter(i -> !i.ok()).toList();
        }

        double count(String name, String... tags) {
            return registry.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
        }
    }
}
