package org.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {
    @Test
    void plainTextListWithCommentsIntervalsBadLinesAndDuplicates() {
        List<FeedSubscription> feeds = FeedList.parseText("""
                # world news
                https://a.example/rss.xml
                https://b.example/atom.xml   15m   # busy feed
                https://c.example/feed interval=2h
                not a url
                ftp://d.example/feed
                https://e.example/feed#section
                https://a.example/rss.xml
                https://f.example/feed  soon
                """, "test");
        assertThat(feeds).extracting(f -> f.url().toString()).containsExactly(
                "https://a.example/rss.xml", "https://b.example/atom.xml", "https://c.example/feed", "https://e.example/feed#section");
        assertThat(feeds.get(0).interval()).isNull();
        assertThat(feeds.get(1).interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(feeds.get(2).interval()).isEqualTo(Duration.ofHours(2));
        assertThat(feeds.get(0).title()).isEqualTo("a.example/rss.xml");
    }

    @Test
    void opmlOutlinesAtAnyDepthWithTitlesAndIntervals(@TempDir Path dir) throws Exception {
        Path opml = dir.resolve("subscriptions.opml");
        Files.writeString(opml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>My feeds</title></head>
                  <body>
                    <outline text="World">
                      <outline type="rss" text="Alpha News" title="Alpha" xmlUrl="https://alpha.example/rss" interval="10m"/>
                      <outline text="Deeper"><outline type="rss" text="Beta" xmlUrl="https://beta.example/atom"/></outline>
                    </outline>
                    <outline type="rss" text="no url"/>
                    <outline type="rss" text="Bad" xmlUrl="mailto:x@example.com"/>
                  </body>
                </opml>
                """);
        List<FeedSubscription> feeds = FeedList.read(opml);
        assertThat(feeds).extracting(FeedSubscription::title).containsExactly("Alpha", "Beta");
        assertThat(feeds.get(0).interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(feeds.get(1).url().toString()).isEqualTo("https://beta.example/atom");
    }

    @Test
    void intervals() {
        assertThat(FeedSubscription.parseInterval("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(FeedSubscription.parseInterval("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(FeedSubscription.parseInterval("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(FeedSubscription.parseInterval("1.5h")).isEqualTo(Duration.ofMinutes(90));
    }
}
