package org.newsflow.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Settings;

class SinkLifecycleTest {
    @Test
    void defaults_are_the_declared_ones() {
        SinkConfig c = SinkConfig.from(Settings.of(Map.of()));
        assertThat(c.store()).isEqualTo("sqlite:./data/newsflow.db");
        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.httpPort()).isEqualTo(8083);
        assertThat(c.groupId()).isEqualTo("newsflow-sink");
        assertThat(c.topics().enriched()).isEqualTo("news.articles.enriched");
        assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:9092"); // the one default, as ingest and enrich
    }

    @Test
    void bad_settings_say_what_is_wrong() {
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(Map.of("SINK_STORE", "mysql://x"))))
                .hasMessageContaining("unsupported store URL");
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(Map.of("SINK_HTTP_PORT", "70000"))))
                .hasMessageContaining("NEWSFLOW_SINK_HTTP_PORT");
    }

    @Test
    void the_store_password_never_reaches_the_retry_line_or_the_errors() throws Exception {
        // Issue #11: "store postgresql://user:pw@host/db not available" was printed on every connection retry.
        String secret = "Sup3rSecretPw";
        SinkConfig config = SinkConfig.from(Settings.of(Map.of("SINK_STORE", "postgresql://newsflow:" + secret + "@127.0.0.1:1/db?password=" + secret))).withRetry(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(100));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setProperty("newsflow.sink.db.timeout.ms", "300");
        Thread opener = new Thread(() -> {
            try {
                SinkLifecycle.openWithRetry(config).close();
            } catch (InterruptedException e) {
                // stopped by the test
            }
        });
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            opener.start();
            long deadline = System.currentTimeMillis() + 30_000;
            while (captured.toString(java.nio.charset.StandardCharsets.UTF_8).split("; retrying in").length < 3
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            opener.interrupt();
            opener.join(10_000);
            System.setErr(original);
            System.clearProperty("newsflow.sink.db.timeout.ms");
        }
        String out = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out).contains("not available (attempt 2)").contains("newsflow:***@127.0.0.1:1").doesNotContain(secret);
        assertThat(config.toString()).doesNotContain(secret);
        assertThat(org.newsflow.sink.store.StoreUrl.parse(config.store()).redacted()).doesNotContain(secret).contains("password=***");
        assertThatThrownBy(() -> SinkConfig.from(Settings.of(Map.of("SINK_STORE", "mysql://root:" + secret + "@db/x"))))
                .hasMessageNotContaining(secret);
        assertThat(SinkConfig.from(Settings.of(Map.of("API_TOKEN", "tok-" + secret + "-0123456789"))).toString())
                .doesNotContain(secret);
    }
}
