package org.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.ingest.fetch.FetchConfig;
import org.newsflow.ingest.fetch.Fetcher;
import org.newsflow.ingest.fetch.FixtureServer;
import org.newsflow.ingest.source.SourceItem;

/** {@code newsflow ingest URL...}: pages fetched directly, every bad case dead-lettered with its reason. */
class FeedPageSourceTest {
    private FixtureServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<SourceItem> ingest(String... paths) throws Exception {
        Fetcher fetcher = new Fetcher(FetchConfig.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withHostInterval(Duration.ZERO).withCaps(100_000, 200_000));
        Pages pages = new Pages(fetcher, Extractors.standard(), new FeedMetrics(new SimpleMeterRegistry()), 200_000);
        List<SourceItem> out = new ArrayList<>();
        new PageSource(Arrays.stream(paths).map(server::uri).toList(), pages, 3, Duration.ofMillis(10)).run(out::add, () -> false);
        return out;
    }

    @Test
    void goodPagesBecomeArticlesAndEveryBadOneIsRejectedWithItsReason() throws Exception {
        server.content("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        server.content("/ok", "text/html; charset=utf-8", FeedTesting.page("Good page", FeedTesting.LONG_PARAGRAPH));
        server.redirect("/moved", 301, "/ok2");
        server.content("/ok2", "text/html", FeedTesting.page("Moved page", FeedTesting.LONG_PARAGRAPH));
        server.content("/pdf", "application/pdf", "%PDF-1.7 ...");
        server.content("/private/x", "text/html", FeedTesting.page("Secret", FeedTesting.LONG_PARAGRAPH));
        server.content("/nav", "text/html", "<html><body><nav><p>Home</p></nav></body></html>");
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 'x');
        server.content("/big", "text/html", big);
        server.status("/gone", 410);
        List<SourceItem> items = ingest("/ok", "/moved", "/pdf", "/private/x", "/nav", "/big", "/gone", "/missing");
        assertThat(items).hasSize(8);
        assertThat(items.get(0).article().title()).isEqualTo("Good page");
        assertThat(items.get(0).article().body()).isEqualTo(FeedTesting.LONG_PARAGRAPH);
        assertThat(items.get(0).article().language()).isEqualTo("en");
        assertThat(items.get(1).article().url()).as("the URL after redirects").isEqualTo(server.base() + "/ok2");
        assertThat(items.get(2).error()).contains("not HTML").contains("application/pdf");
        assertThat(items.get(3).error()).contains("robots.txt");
        assertThat(server.requests("/private/x")).isEmpty();
        assertThat(items.get(4).error()).contains("no article");
        assertThat(items.get(5).error()).contains("TOO_LARGE");
        assertThat(items.get(6).error()).contains("GONE");
        assertThat(items.get(7).error()).contains("NOT_FOUND");
    }

    @Test
    void aTransientFailureIsRetriedThenGivenUpWithTheReason() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on("/flaky", x -> {
            if (calls.incrementAndGet() < 3) {
                x.sendResponseHeaders(503, -1);
            } else {
                FixtureServer.send(x, 200, "text/html", FeedTesting.page("Third time", FeedTesting.LONG_PARAGRAPH).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.status("/down", 500);
        List<SourceItem> items = ingest("/flaky", "/down");
        assertThat(items.get(0).article().title()).isEqualTo("Third time");
        assertThat(items.get(1).error()).contains("SERVER_ERROR").contains("after 3 attempts");
        assertThat(server.requests("/down")).hasSize(3);
    }

    @Test
    void aPageWhoseServerLiesAboutItsCharsetIsReadCorrectly() throws Exception {
        String text = "Les n\u00e9gociations ont repris \u00e0 Gen\u00e8ve \u2014 \u00ab enfin \u00bb, a dit le m\u00e9diateur. " + FeedTesting.LONG_PARAGRAPH;
        server.content("/fr", "text/html; charset=utf-8", FeedTesting.page("Gen\u00e8ve", text).getBytes(Charset.forName("windows-1252")));
        server.content("/nocharset", "text/html", FeedTesting.page("Z\u00fcrich", text).replace("<meta charset=\"utf-8\">", "")
                .getBytes(StandardCharsets.UTF_8));
        List<SourceItem> items = ingest("/fr", "/nocharset");
        assertThat(items.get(0).article().body()).isEqualTo(text);
        assertThat(items.get(0).article().title()).isEqualTo("Gen\u00e8ve");
        assertThat(items.get(1).article().title()).isEqualTo("Z\u00fcrich");
    }
}
