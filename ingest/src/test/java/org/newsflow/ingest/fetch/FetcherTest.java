package org.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsflow.ingest.fetch.Fetcher.Conditional;
import org.newsflow.ingest.fetch.Fetcher.Purpose;

class FetcherTest {
    private FixtureServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FixtureServer();
        fetcher = new Fetcher(FetchConfig.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withHostInterval(Duration.ZERO)
                .withCaps(64 * 1024, 256 * 1024)
                .withUserAgent("newsflow-test/1"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchResult get(String path) {
        return fetcher.fetch(server.uri(path), Purpose.FEED, Conditional.NONE, () -> false);
    }

    /** A fetcher with a short deadline, for the slow-server cases. */
    private FetchResult getImpatient(String path) {
        Fetcher impatient = new Fetcher(fetcher.config().withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700)));
        return impatient.fetch(server.uri(path), Purpose.FEED, Conditional.NONE, () -> false);
    }

    @Test
    void okSendsUserAgentAcceptsGzipAndDecompresses() throws Exception {
        byte[] feed = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        byte[] gz = FixtureServer.gzip(feed);
        server.on("/feed", x -> {
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            x.getResponseHeaders().set("ETag", "\"v1\"");
            FixtureServer.send(x, 200, "application/rss+xml", gz);
        });
        FetchResult r = get("/feed");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.body()).isEqualTo(feed);
        assertThat(r.etag()).isEqualTo("\"v1\"");
        FixtureServer.Request req = server.requests("/feed").get(0);
        assertThat(req.header("User-Agent")).isEqualTo("newsflow-test/1");
        assertThat(req.header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void conditionalGetSendsValidatorsAndReportsNotModified() {
        server.on("/feed", x -> {
            boolean match = "\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"));
            x.sendResponseHeaders(match ? 304 : 200, -1);
        });
        FetchResult r = fetcher.fetch(server.uri("/feed"), Purpose.FEED, new Conditional("\"v1\"", "Sat, 28 Nov 2026 10:00:00 GMT"), () -> false);
        assertThat(r.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(server.requests("/feed").get(0).header("If-Modified-Since")).isEqualTo("Sat, 28 Nov 2026 10:00:00 GMT");
    }

    @Test
    void statusCodesMapToOutcomesAndRetryAfterIsRead() {
        server.status("/gone", 410).status("/busy", 429, "Retry-After", "7").status("/err", 503).status("/teapot", 418);
        assertThat(get("/missing").outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(get("/gone").outcome()).isEqualTo(Outcome.GONE);
        FetchResult busy = get("/busy");
        assertThat(busy.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(get("/err").outcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(get("/teapot").outcome()).isEqualTo(Outcome.CLIENT_ERROR);
        assertThat(Fetcher.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(Fetcher.retryAfter("soon")).isNull();
    }

    @Test
    void redirectsAreFollowedUpToTheLimitAndLoopsDetected() {
        server.redirect("/a", 301, "/b").redirect("/b", 308, server.base() + "/c").content("/c", "text/xml", "<rss/>");
        FetchResult r = get("/a");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.uri()).isEqualTo(server.uri("/c"));
        assertThat(r.redirects()).hasSize(2);
        assertThat(r.permanentRedirect()).isTrue();

        server.redirect("/loop1", 302, "/loop2").redirect("/loop2", 302, "/loop1");
        assertThat(get("/loop1").outcome()).isEqualTo(Outcome.REDIRECT_LOOP);

        for (int i = 0; i < 10; i++) {
            server.redirect("/hop" + i, 302, "/hop" + (i + 1));
        }
        FetchResult far = get("/hop0");
        assertThat(far.outcome()).isEqualTo(Outcome.TOO_MANY_REDIRECTS);
        assertThat(far.redirects()).hasSize(5);

        server.status("/nowhere", 302);
        assertThat(get("/nowhere").outcome()).isEqualTo(Outcome.BAD_REDIRECT);
        server.redirect("/ftp", 302, "ftp://127.0.0.1/x");
        assertThat(get("/ftp").outcome()).isEqualTo(Outcome.BAD_REDIRECT);
    }

    @Test
    void aSilentServerTimesOut() {
        server.on("/slow", x -> Thread.sleep(3000));
        long t0 = System.nanoTime();
        FetchResult r = getImpatient("/slow");
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aTricklingServerIsCutOffAtTheDeadline() {
        server.on("/trickle", x -> {
            x.getResponseHeaders().set("Content-Type", "application/rss+xml");
            x.sendResponseHeaders(200, 0); // chunked
            OutputStream out = x.getResponseBody();
            for (int i = 0; i < 100; i++) { // one byte every 100 ms: headers arrive at once, the body never ends in time
                out.write('<');
                out.flush();
                Thread.sleep(100);
            }
        });
        long t0 = System.nanoTime();
        FetchResult r = getImpatient("/trickle");
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void bodiesOverTheCapAreCutOffWhetherDeclaredChunkedOrCompressed() throws Exception {
        byte[] big = new byte[300 * 1024];
        Arrays.fill(big, (byte) 'a');
        server.content("/declared", "text/html", big);
        server.on("/chunked", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write(big, 0, 10 * 1024);
                }
            }
        });
        // 10 MB of zeros gzip to ~10 KB: under the wire cap, far over the decompressed cap.
        byte[] bomb = FixtureServer.gzip(new byte[10 << 20]);
        assertThat(bomb.length).isLessThan(64 * 1024);
        server.on("/bomb", x -> {
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            FixtureServer.send(x, 200, "text/html", bomb);
        });
        assertThat(get("/declared").outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(get("/chunked").outcome()).isEqualTo(Outcome.TOO_LARGE);
        FetchResult r = get("/bomb");
        assertThat(r.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(r.detail()).contains("decompressed");
    }

    @Test
    void corruptGzipIsABadEncodingNotACrash() {
        server.on("/corrupt", x -> {
            x.getResponseHeaders().set("Content-Encoding", "gzip");
            FixtureServer.send(x, 200, "text/xml", "definitely not gzip".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(get("/corrupt").outcome()).isEqualTo(Outcome.BAD_ENCODING);
    }

    @Test
    void robotsTxtIsHonouredForPagesAndCachedPerHost() {
        server.content("/robots.txt", "text/plain", "User-agent: newsflow\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n");
        server.content("/news/a", "text/html", "<p>a</p>");
        server.content("/private/b", "text/html", "<p>b</p>");
        assertThat(fetcher.fetch(server.uri("/news/a"), Purpose.PAGE, Conditional.NONE, () -> false).outcome()).isEqualTo(Outcome.OK);
        assertThat(fetcher.fetch(server.uri("/private/b"), Purpose.PAGE, Conditional.NONE, () -> false).outcome()).isEqualTo(Outcome.ROBOTS_DISALLOWED);
        assertThat(server.requests("/private/b")).isEmpty();
        assertThat(server.requests("/robots.txt")).hasSize(1);
        // robots.txt rules pages, not feeds (publishers list feeds to be polled)
        assertThat(get("/private/b").outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void robotsAppliesToEveryRedirectHop() {
        server.content("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        server.redirect("/open", 302, "/private/page");
        server.content("/private/page", "text/html", "<p>x</p>");
        assertThat(fetcher.fetch(server.uri("/open"), Purpose.PAGE, Conditional.NONE, () -> false).outcome()).isEqualTo(Outcome.ROBOTS_DISALLOWED);
        assertThat(server.requests("/private/page")).isEmpty();
    }

    @Test
    void missingRobotsTxtAllowsEverything() {
        server.content("/page", "text/html", "<p>x</p>");
        assertThat(fetcher.fetch(server.uri("/page"), Purpose.PAGE, Conditional.NONE, () -> false).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void politenessSpacesRequestsToOneHost() {
        Fetcher polite = new Fetcher(FetchConfig.defaults().withHostInterval(Duration.ofMillis(150)));
        server.content("/p", "text/plain", "x");
        // The first request also sets up the connection; the spacing is checked between the later ones.
        for (int i = 0; i < 4; i++) {
            assertThat(polite.fetch(server.uri("/p"), Purpose.FEED, Conditional.NONE, () -> false).ok()).isTrue();
        }
        var times = server.requests("/p").stream().mapToLong(FixtureServer.Request::nanos).toArray();
        assertThat(times).hasSize(4);
        // Over two gaps rather than per gap: the server stamps a request when its thread gets to it, so on a busy
        // machine one late stamp shortens the next gap without the client having sent early.
        assertThat(Duration.ofNanos(times[3] - times[1])).isGreaterThanOrEqualTo(Duration.ofMillis(2 * 120));
    }

    @Test
    void charsetsFromHeaderBomAndMetaWithWrongDeclarationsCorrected() {
        Charset cp1252 = Charset.forName("windows-1252");
        String text = "Caf\u00e9 \u201cquotes\u201d";
        // header declares UTF-8, bytes are windows-1252
        var wrongHeader = TextDecoder.decode(("<p>" + text + "</p>").getBytes(cp1252), "text/html; charset=utf-8", TextDecoder.Kind.HTML);
        assertThat(wrongHeader.text()).contains(text);
        assertThat(wrongHeader.corrected()).isTrue();
        // header declares ISO-8859-1 (a common server default), bytes are UTF-8
        var latinHeader = TextDecoder.decode(("<p>" + text + "</p>").getBytes(StandardCharsets.UTF_8), "text/html; charset=ISO-8859-1", TextDecoder.Kind.HTML);
        assertThat(latinHeader.text()).contains(text);
        // no header, meta says windows-1252
        var meta = TextDecoder.decode(("<meta charset=\"windows-1252\"><p>" + text).getBytes(cp1252), "text/html", TextDecoder.Kind.HTML);
        assertThat(meta.text()).contains(text);
        // XML declaration wins over the header for XML
        var xml = TextDecoder.decode(("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss>" + text).getBytes(cp1252), "text/xml; charset=utf-8", TextDecoder.Kind.XML);
        assertThat(xml.text()).contains(text);
        // UTF-16 with a BOM, no declaration at all
        byte[] utf16 = ("\uFEFF<p>" + text).getBytes(StandardCharsets.UTF_16BE);
        assertThat(TextDecoder.decode(utf16, null, TextDecoder.Kind.HTML).text()).isEqualTo("<p>" + text);
        // an unknown charset name is no declaration
        assertThat(TextDecoder.decode(text.getBytes(StandardCharsets.UTF_8), "text/html; charset=x-bogus", TextDecoder.Kind.HTML).text()).isEqualTo(text);
    }

    @Test
    void cacheControlMaxAge() {
        assertThat(Fetcher.maxAge(java.util.List.of("public, max-age=600"))).isEqualTo(Duration.ofMinutes(10));
        assertThat(Fetcher.maxAge(java.util.List.of("max-age=600, s-maxage=1200"))).isEqualTo(Duration.ofMinutes(20));
        assertThat(Fetcher.maxAge(java.util.List.of("max-age=600", "no-cache"))).isNull();
        assertThat(Fetcher.maxAge(java.util.List.of("max-age=soon"))).isNull();
        assertThat(Fetcher.maxAge(java.util.List.of())).isNull();
    }
}
