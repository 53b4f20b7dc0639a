package org.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FeedMetricsTest {
    /** Every ingest series the Grafana dashboard queries exists under that name on /metrics. */
    @Test
    void theDashboardQueriesSeriesThatExist() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FeedMetrics m = new FeedMetrics(registry);
        m.fetched("wire", "feed", "ok");
        m.failed("wire", "page", "timeout");
        m.item("wire", "new");
        m.succeeded("wire", Instant.now());
        m.lag("wire", Instant.now().minusSeconds(90), Instant.now());
        m.feeds(1, 0, 0);
        String scrape = registry.scrape();

        String dashboard = Files.readString(Path.of("../deploy/grafana/dashboards/newsflow.json"));
        Set<String> queried = new TreeSet<>();
        Matcher names = Pattern.compile("newsflow_ingest_(source|feeds)[a-z_]*").matcher(dashboard);
        while (names.find()) {
            queried.add(names.group());
        }
        assertThat(queried).hasSizeGreaterThanOrEqualTo(6);
        for (String name : queried) {
            assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]");
        }
        assertThat(scrape).contains("source=\"wire\"");
    }
}
