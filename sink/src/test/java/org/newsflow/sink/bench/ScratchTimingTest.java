package org.newsflow.sink.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.newsflow.contract.Json;
import org.newsflow.sink.PostgresTestSupport;
import org.newsflow.sink.store.ArticleStore;
import org.newsflow.sink.store.ArticleVersion;

@EnabledIfSystemProperty(named = "scratch", matches = ".*")
class ScratchTimingTest {
    @Test
    void time() {
        String url = System.getProperty("scratch").equals("pg") ? PostgresTestSupport.freshSchemaUrl("sink_scratch") : "sqlite:/tmp/scratch-" + System.nanoTime() + ".db";
        SyntheticArticles s = new SyntheticArticles(1, Instant.parse("2024-01-01T00:00:00Z"));
        try (ArticleStore store = ArticleStore.open(url)) {
            for (int round = 0; round < 10; round++) {
                List<ArticleVersion> batch = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    batch.add(ArticleVersion.of(s.article("r" + round, i, Instant.now())));
                }
                long t0 = System.nanoTime();
                store.upsert(batch);
                long t1 = System.nanoTime();
                System.out.printf("round %d: %.0f ms = %.0f articles/s, json %d bytes%n", round, (t1 - t0) / 1e6, 2000 / ((t1 - t0) / 1e9), batch.get(0).json().length());
            }
        }
    }
}
