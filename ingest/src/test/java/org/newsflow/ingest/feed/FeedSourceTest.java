package org.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.ingest.fetch.FixtureServer;
import org.newsflow.ingest.source.SourceItem;

class FeedSourceTest {
    @TempDir
    Path state;
    private FixtureServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedSubscription feed(String path) {
        return new FeedSubscription(server.uri(path), path.substring(1), null);
    }

    private FeedTesting.Run once(List<FeedSubscription> feeds) throws Exception {
        FeedTesting.Run run = new FeedTesting.Run();
        run.source(feeds, FeedTesting.config(state)).run(run.items::add, run.stop::get);
        return run;
    }

    @Test
    void fullItemsFromTheFeedSummaryItemsFromTheirPagesBadPagesDeadLettered() throws Exception {
        String b = server.base();
        server.content("/feed.xml", "application/rss+xml", FeedTesting.rss("Town Crier",
                FeedTesting.item("d", "Item D", b + "/page-d", "Summary of D, whose page is missing.", null),
                FeedTesting.item("c", "Item C", b + "/page-c", "Summary of C.", null),
                FeedTesting.item("b", "Item B", b + "/page-b", "Summary of B.", null),
                FeedTesting.item("a", "Item A", b + "/page-a", "Summary of A.", "<p>" + FeedTesting.LONG_PARAGRAPH + "</p>")));
        server.content("/page-b", "text/html; charset=utf-8", FeedTesting.page("Bridge vote delayed", FeedTesting.LONG_PARAGRAPH, "A second paragraph."));
        server.content("/page-c", "text/html", "<html><body><nav><p>Home</p></nav><p>Subscribe!</p></body></html>");
        server.content("/page-e", "application/pdf", "%PDF-1.4");

        FeedTesting.Run run = once(List.of(feed("/feed.xml")));

        assertThat(run.articles()).extracting(i -> i.article().title()).containsExactly("Item A", "Bridge vote delayed", "Item D");
        var a = run.articles().get(0).article();
        assertThat(a.body()).isEqualTo(FeedTesting.LONG_PARAGRAPH);
        assertThat(a.source()).isEqualTo("Town Crier");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.url()).isEqualTo(b + "/page-a");
        assertThat(a.id()).startsWith("url-");
        assertThat(a.origin()).isEqualTo(b + "/feed.xml");
        assertThat(server.requests("/page-a")).as("full content needs no page").isEmpty();
        var page = run.articles().get(1).article();
        assertThat(page.body()).isEqualTo(FeedTesting.LONG_PARAGRAPH + "\n\nA second paragraph.");
        assertThat(page.publishedAt()).as("the feed's date when the page has none").isNotNull();
        assertThat(run.articles().get(2).article().body()).as("page 404: the feed's summary").isEqualTo("Summary of D, whose page is missing.");
        assertThat(run.rejected()).singleElement().satisfies(r -> {
            assertThat(r.error()).contains("no article").contains("/page-c");
            assertThat(new String(r.original())).contains("Subscribe!");
        });
        assertThat(run.count("newsflow.ingest.source.items", "status", "new")).isEqualTo(3);
        assertThat(run.count("newsflow.ingest.source.items", "status", "rejected")).isEqualTo(1);
        assertThat(run.count("newsflow.ingest.source.failures", "reason", "no_article")).isEqualTo(1);
        assertThat(run.count("newsflow.ingest.source.failures", "reason", "not_found")).isEqualTo(1);
        assertThat(run.count("newsflow.ingest.source.fetches", "kind", "feed", "outcome", "ok")).isEqualTo(1);
        assertThat(run.registry.find("newsflow.ingest.source.publish.lag").timer().count()).isEqualTo(3);
        assertThat(run.registry.find("newsflow.ingest.source.last.success").gauge().value()).isPositive();
    }

    @Test
    void conditionalGetAndStateAcrossRestartsDeliverEachItemOnce() throws Exception {
        String b = server.base();
        AtomicReference<String> body = new AtomicReference<>(FeedTesting.rss("T",
                FeedTesting.item("1", "One", b + "/1", null, FeedTesting.LONG_PARAGRAPH + " One.")));
        AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
        server.on("/feed", x -> {
            if (etag.get().equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
                return;
            }
            x.getResponseHeaders().set("ETag", etag.get());
            FixtureServer.send(x, 200, "application/rss+xml", body.get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        assertThat(once(List.of(feed("/feed"))).articles()).hasSize(1);

        // a new collector on the same state: conditional GET, 304, nothing delivered
        FeedTesting.Run second = once(List.of(feed("/feed")));
        assertThat(second.items).isEmpty();
        assertThat(server.requests("/feed").get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second.count("newsflow.ingest.source.fetches", "outcome", "not_modified")).isEqualTo(1);

        // the feed changes: only the new item is delivered, the old one counts as seen
        body.set(FeedTesting.rss("T",
                FeedTesting.item("2", "Two", b + "/2", null, FeedTesting.LONG_PARAGRAPH + " Two."),
                FeedTesting.item("1", "One", b + "/1", null, FeedTesting.LONG_PARAGRAPH + " One.")));
        etag.set("\"v2\"");
        FeedTesting.Run third = once(List.of(feed("/feed")));
        assertThat(third.articles()).extracting(i -> i.article().title()).containsExactly("Two");
        assertThat(third.count("newsflow.ingest.source.items", "status", "seen")).isEqualTo(1);
    }

    @Test
    void theSameArticleInTwoFeedsIsPublishedOnce() throws Exception {
        String b = server.base();
        String shared = FeedTesting.item("x", "Shared", b + "/shared?utm_source=feed", null, FeedTesting.LONG_PARAGRAPH);
        server.content("/f1", "application/rss+xml", FeedTesting.rss("F1", shared));
        server.content("/f2", "application/rss+xml", FeedTesting.rss("F2", shared.replace("utm_source=feed", "utm_source=other")));
        FeedTesting.Run run = once(List.of(feed("/f1"), feed("/f2")));
        assertThat(run.articles()).hasSize(1);
        assertThat(run.count("newsflow.ingest.source.items", "status", "duplicate")).isEqualTo(1);
    }

    @Test
    void badFeedsAreCountedAndNeverStopTheOthers() throws Exception {
        String b = server.base();
        server.content("/malformed", "application/rss+xml", new String(FeedParserTest.fixture("malformed.xml")));
        server.content("/html", "text/html", new String(FeedParserTest.fixture("html-as-feed.html")));
        server.content("/empty", "application/rss+xml", new String(FeedParserTest.fixture("empty.xml")));
        server.status("/error", 503);
        server.redirect("/loop", 302, "/loop2").redirect("/loop2", 302, "/loop");
        server.content("/good", "application/rss+xml", FeedTesting.rss("Good", FeedTesting.item("g", "Good", b + "/g", null, FeedTesting.LONG_PARAGRAPH)));
        server.content("/bad-items", "application/rss+xml", FeedTesting.rss("Mixed",
                "<item><description>Text but no link and no title.</description></item>",
                "<item><title>Title only</title></item>",
                "<item></item>"));
        server.on("/trickle", x -> {
            x.sendResponseHeaders(200, 0);
            for (int i = 0; i < 100; i++) { // a byte every 100 ms: cut off at the 3 s deadline
                x.getResponseBody().write(' ');
                x.getResponseBody().flush();
                Thread.sleep(100);
            }
        });
        byte[] bomb = FixtureServer.gzip(new byte[50 << 20]); // 50 MB of zeros in ~50 KB
        server.on("/bomb", x -> {
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            FixtureServer.send(x, 200, "application/rss+xml", bomb);
        });
        FeedTesting.Run run = once(List.of(feed("/malformed"), feed("/html"), feed("/empty"), feed("/error"), feed("/missing"),
                feed("/loop"), feed("/bad-items"), feed("/trickle"), feed("/bomb"), feed("/good")));
        assertThat(run.articles()).extracting(i -> i.article().title()).containsExactlyInAnyOrder("Good", "");
        assertThat(run.articles()).extracting(i -> i.article().body()).contains("Text but no link and no title.");
        assertThat(run.rejected()).hasSize(2).allSatisfy(r -> assertThat(r.error()).contains("neither a link nor any text"));
        for (String reason : List.of("malformed_xml", "html_not_feed", "empty_feed", "server_error", "not_found", "redirect_loop", "bad_item",
                "timeout", "too_large")) {
            assertThat(run.count("newsflow.ingest.source.failures", "reason", reason)).as(reason).isPositive();
        }
    }

    @Test
    void afterRepeated410TheFeedIsMarkedGoneAndNoLongerPolled() throws Exception {
        server.status("/gone", 410);
        FeedTesting.Run run = new FeedTesting.Run();
        FeedSource source = run.source(List.of(feed("/gone")), FeedTesting.config(state).withOnce(false));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                source.run(run.items::add, run.stop::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> run.registry.find("newsflow.ingest.feeds").tag("state", "gone").gauge().value() == 1);
        Thread.sleep(300); // more than the backoff: a feed still followed would be asked again
        run.stop.set(true);
        running.get();
        assertThat(server.requests("/gone")).hasSize(3);
        assertThat(new FeedStateStore(state).load(server.uri("/gone").toString()).gone).isTrue();
        // a restart leaves it alone too
        FeedTesting.Run again = once(List.of(feed("/gone")));
        assertThat(server.requests("/gone")).hasSize(3);
        assertThat(again.items).isEmpty();
    }

    @Test
    void rateLimitingHonoursRetryAfterAndATransientPageFailureIsRetriedOnTheNextPoll() throws Exception {
        String b = server.base();
        AtomicInteger feedCalls = new AtomicInteger();
        server.on("/feed", x -> {
            if (feedCalls.incrementAndGet() == 1) {
                x.getResponseHeaders().set("Retry-After", "1");
                x.sendResponseHeaders(429, -1);
                return;
            }
            FixtureServer.send(x, 200, "application/rss+xml", FeedTesting.rss("T",
                    FeedTesting.item("p", "Paged", b + "/page", "short", null)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        AtomicInteger pageCalls = new AtomicInteger();
        server.on("/page", x -> {
            if (pageCalls.incrementAndGet() == 1) {
                x.sendResponseHeaders(503, -1);
                return;
            }
            FixtureServer.send(x, 200, "text/html", FeedTesting.page("Paged", FeedTesting.LONG_PARAGRAPH).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        FeedTesting.Run run = new FeedTesting.Run();
        FeedSource source = run.source(List.of(feed("/feed")), FeedTesting.config(state).withOnce(false));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
            try {
                source.run(run.items::add, run.stop::get);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> run.items.size() == 1);
        Thread.sleep(200); // a few more polls: the item must not come again
        run.stop.set(true);
        running.get();
        List<FixtureServer.Request> polls = server.requests("/feed");
        assertThat(Duration.ofNanos(polls.get(1).nanos() - polls.get(0).nanos())).as("Retry-After: 1").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(run.items).singleElement().satisfies(i -> assertThat(i.article().body()).isEqualTo(FeedTesting.LONG_PARAGRAPH));
        assertThat(pageCalls.get()).isEqualTo(2);
        assertThat(run.count("newsflow.ingest.source.failures", "reason", "rate_limited")).isEqualTo(1);
        assertThat(run.count("newsflow.ingest.source.failures", "kind", "page", "reason", "server_error")).isEqualTo(1);
        assertThat(new FeedStateStore(state).load(server.uri("/feed").toString()).pending).isEmpty();
    }

    @Test
    void backoffDoublesWithJitterUpToTheMax() throws Exception {
        FeedSource source = new FeedTesting.Run().source(List.of(), FeedTesting.config(state).withBackoff(Duration.ofMillis(1000), Duration.ofMillis(8000)));
        for (int i = 0; i < 50; i++) {
            assertThat(source.backoff(1).toMillis()).isBetween(500L, 1000L);
            assertThat(source.backoff(3).toMillis()).isBetween(2000L, 4000L);
            assertThat(source.backoff(10).toMillis()).isBetween(4000L, 8000L);
        }
    }

    static SourceItem only(List<SourceItem> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
