package org.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedBenchTest {
    /** The helper does the work it claims (no timing asserted: speed is measured by the bench command). */
    @Test
    void parsesExactlyTheRequestedNumberOfItems() throws Exception {
        FeedBench.Result r = FeedBench.parseItems(60);
        assertThat(r.items()).isEqualTo(60);
        assertThat(r.nanos()).isPositive();
        assertThat(r.documentBytes()).isGreaterThan(25 * 1000);
        FeedParser.ParsedFeed doc = new FeedParser().parse(FeedBench.document(), "application/rss+xml", java.net.URI.create("https://b.example/"));
        assertThat(doc.entries()).hasSize(FeedBench.ITEMS_PER_DOCUMENT)
                .allSatisfy(e -> assertThat(e.content().length()).isGreaterThan(1000));
    }
}
