package org.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsflow.ingest.fetch.FixtureServer;

/** Feeds that move (permanent vs temporary redirects) and feeds that say how often they change, over real HTTP. */
class FeedMovesAndHintsTest {
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

    private FeedTesting.Run once(FeedSubscription feed, FeedConfig config) throws Exception {
        FeedTesting.Run run = new FeedTesting.Run();
        run.source(List.of(feed), config).run(run.items::add, run.stop::get);
        return run;
    }

    private FeedState saved(FeedSubscription feed) throws Exception {
        return new FeedStateStore(state).load(feed.url().toString());
    }

    private String oneItemFeed(String extraChannelMarkup) {
        return FeedTesting.rss("Moving", FeedTesting.item("1", "One", server.base() + "/1", null, FeedTesting.LONG_PARAGRAPH))
                .replace("<language>en</language>", "<language>en</language>" + extraChannelMarkup);
    }

    @Test
    void aPermanentRedirectMovesTheFeedInItsStateATemporaryOneDoesNot() throws Exception {
        server.redirect("/old", 301, "/new").content("/new", "application/rss+xml", oneItemFeed(""));
        server.redirect("/old308", 308, "/new").redirect("/temp", 302, "/new");
        FeedSubscription moved = new FeedSubscription(server.uri("/old"), "moved", null);
        FeedSubscription moved308 = new FeedSubscription(server.uri("/old308"), "moved308", null);
        FeedSubscription temporary = new FeedSubscription(server.uri("/temp"), "temporary", null);
        FeedConfig config = FeedTesting.config(state);

        for (int poll = 0; poll < 2; poll++) { // two collectors in turn on the same state, as after a restart
            once(moved, config);
            once(moved308, config);
            once(temporary, config);
        }

        assertThat(saved(moved).movedTo).isEqualTo(server.base() + "/new");
        assertThat(saved(moved308).movedTo).isEqualTo(server.base() + "/new");
        assertThat(server.requests("/old")).as("after the 301, polled at the new address").hasSize(1);
        assertThat(server.requests("/old308")).hasSize(1);
        assertThat(saved(temporary).movedTo).as("302 is temporary").isNull();
        assertThat(server.requests("/temp")).hasSize(2);
        assertThat(server.requests("/new")).hasSize(6);
        assertThat(saved(moved).seen).as("items still recorded under the list's URL").containsKey("1");
    }

    @Test
    void aPermanentRedirectToAFailingAddressIsNotRecorded() throws Exception {
        server.redirect("/old", 301, "/missing");
        FeedSubscription feed = new FeedSubscription(server.uri("/old"), "f", null);
        once(feed, FeedTesting.config(state));
        assertThat(saved(feed).movedTo).isNull();
    }

    @Test
    void ttlAndSyndicationHintsLengthenThePollIntervalUpToTheCap() throws Exception {
        server.content("/ttl", "application/rss+xml", oneItemFeed("<ttl>90</ttl>"));
        server.content("/sy", "application/rss+xml", oneItemFeed(
                "<sy:updatePeriod xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">hourly</sy:updatePeriod>"
                        + "<sy:updateFrequency xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">4</sy:updateFrequency>"));
        server.on("/cache", x -> {
            x.getResponseHeaders().set("Cache-Control", "public, max-age=1200");
            FixtureServer.send(x, 200, "application/rss+xml", oneItemFeed("").getBytes(StandardCharsets.UTF_8));
        });
        server.content("/plain", "application/rss+xml", oneItemFeed(""));
        FeedConfig config = FeedTesting.config(state).withInterval(Duration.ofMinutes(5)).withMaxHintedInterval(Duration.ofHours(1));
        FeedSubscription ttl = new FeedSubscription(server.uri("/ttl"), "ttl", null);
        FeedSubscription sy = new FeedSubscription(server.uri("/sy"), "sy", null);
        FeedSubscription cache = new FeedSubscription(server.uri("/cache"), "cache", null);
        FeedSubscription plain = new FeedSubscription(server.uri("/plain"), "plain", null);
        FeedSubscription fast = new FeedSubscription(server.uri("/sy"), "fast", Duration.ofMinutes(2));
        for (FeedSubscription f : List.of(ttl, sy, cache, plain)) {
            once(f, config);
        }

        assertThat(saved(ttl).updateHintSeconds).isEqualTo(90 * 60);
        assertThat(PollInterval.next(ttl, saved(ttl), config)).as("90 min, capped at 1 h").isEqualTo(Duration.ofHours(1));
        assertThat(PollInterval.next(sy, saved(sy), config)).as("hourly / 4 = 15 min").isEqualTo(Duration.ofMinutes(15));
        assertThat(PollInterval.next(cache, saved(cache), config)).as("max-age 20 min").isEqualTo(Duration.ofMinutes(20));
        assertThat(PollInterval.next(plain, saved(plain), config)).as("no hint").isEqualTo(Duration.ofMinutes(5));
        FeedState sixHourly = new FeedState(fast.url().toString());
        sixHourly.updateHintSeconds = 60L;
        assertThat(PollInterval.next(fast, sixHourly, config)).as("a hint never shortens the interval").isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void pollIntervalRules() {
        Duration five = Duration.ofMinutes(5);
        Duration hour = Duration.ofHours(1);
        assertThat(PollInterval.of(five, null, hour)).isEqualTo(five);
        assertThat(PollInterval.of(five, Duration.ofMinutes(1), hour)).isEqualTo(five);
        assertThat(PollInterval.of(five, Duration.ofMinutes(30), hour)).isEqualTo(Duration.ofMinutes(30));
        assertThat(PollInterval.of(five, Duration.ofDays(1), hour)).isEqualTo(hour);
        assertThat(PollInterval.of(Duration.ofHours(2), Duration.ofDays(1), hour)).as("a configured interval above the cap is kept")
                .isEqualTo(Duration.ofHours(2));
        assertThat(UpdateHints.syndication("daily", 0)).isEqualTo(Duration.ofDays(1));
        assertThat(UpdateHints.syndication("Hourly", 2)).isEqualTo(Duration.ofMinutes(30));
        assertThat(UpdateHints.syndication("fortnightly", 1)).isNull();
        assertThat(UpdateHints.ttl(0)).isNull();
        assertThat(UpdateHints.longer(Duration.ofMinutes(1), Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theParserReadsTheHints() throws Exception {
        FeedParser.ParsedFeed parsed = new FeedParser().parse(oneItemFeed("<ttl>45</ttl>").getBytes(StandardCharsets.UTF_8),
                "application/rss+xml", URI.create("https://feeds.example/x"));
        assertThat(parsed.updateHint()).isEqualTo(Duration.ofMinutes(45));
        assertThat(new FeedParser().parse(oneItemFeed("").getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                URI.create("https://feeds.example/x")).updateHint()).isNull();
    }
}
