package org.newsflow.ingest.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.newsflow.contract.Json;
import org.newsflow.ingest.source.SourceItem;

/**
 * Feed items per second on one thread, for {@code newsflow bench}'s sources section: parses an RSS 2.0 fixture of
 * 25 items with full content:encoded bodies (the common shape of news feeds) and turns every item into a raw article
 * exactly as the feed source does (HTML to text, normalisation, canonical URL, stable id), repeating until
 * {@code items} items are done. No network: this measures the collector's CPU per item, not the servers.
 */
public final class FeedBench {
    /**
     * Items done, the wall time and the CPU time of the measuring thread. On a shared machine wall time includes
     * waiting for a core; items per CPU second is the per-core figure.
     */
    public record Result(long items, long nanos, long cpuNanos, int documentBytes) {
        public double itemsPerSecond() {
            return items * 1e9 / nanos;
        }

        public double itemsPerCpuSecond() {
            return items * 1e9 / cpuNanos;
        }
    }

    static final int ITEMS_PER_DOCUMENT = 25;

    private FeedBench() {}

    /** Warms up, then measures; call from one thread to get items/s per core. */
    public static Result parseItems(int items) throws FeedProblem {
        byte[] doc = document();
        run(doc, Math.min(items, 2000)); // JIT warm-up
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long done = run(doc, items);
        return new Result(done, System.nanoTime() - t0, threads.getCurrentThreadCpuTime() - c0, doc.length);
    }

    private static long run(byte[] doc, int items) throws FeedProblem {
        FeedParser parser = new FeedParser();
        Pages pages = new Pages(null, null, null, 200_000);
        URI url = URI.create("https://bench.example/feed.xml");
        long done = 0;
        long sink = 0;
        while (done < items) {
            for (FeedEntry e : parser.parse(doc, "application/rss+xml; charset=utf-8", url).entries()) {
                if (done == items) {
                    break;
                }
                SourceItem item = pages.build(url.toString(), e.link(), "Bench", e.title(), e.text(), e.language(), e.publishedAt(),
                        Pages.cap(Json.toBytes(e)));
                sink += item.article().id().length();
                done++;
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("no items produced");
        }
        return done;
    }

    /** The fixture: 25 items, each with a title, link, guid, date, summary and a ~2 KB content:encoded body. */
    static byte[] document() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Bench Wire</title><link>https://bench.example/</link><description>fixture</description><language>en</language>");
        String[] places = {"the capital", "the northern port", "the border town", "the river valley", "the coastal city"};
        for (int i = 0; i < ITEMS_PER_DOCUMENT; i++) {
            String place = places[i % places.length];
            b.append("<item><title>Officials meet in ").append(place).append(" for round ").append(i + 1).append(" of talks</title>")
                    .append("<link>https://bench.example/2026/11/talks-").append(i).append("?utm_source=rss</link>")
                    .append("<guid isPermaLink=\"false\">bench-").append(i).append("</guid>")
                    .append("<pubDate>Sat, 28 Nov 2026 0").append(i % 10).append(":15:00 GMT</pubDate>")
                    .append("<dc:creator>Staff reporter</dc:creator>")
                    .append("<description><![CDATA[Delegations met in ").append(place).append(" on Friday.]]></description>")
                    .append("<content:encoded><![CDATA[");
            for (int p = 0; p < 6; p++) {
                b.append("<p>Delegations from the two governments met in ").append(place)
                        .append(" on Friday for a further round of talks on trade, water and the border crossings, ")
                        .append("officials said. The meeting, the ").append(i + p + 2)
                        .append("th this year, ended with a joint statement &amp; a pledge to meet again next month.</p>");
            }
            b.append("]]></content:encoded></item>");
        }
        return b.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
