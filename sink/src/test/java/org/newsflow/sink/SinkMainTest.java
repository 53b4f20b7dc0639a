package org.newsflow.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Settings;
import org.newsflow.sink.consume.SinkConfig;

class SinkMainTest {
    @Test
    void defaults_are_the_embedded_ones() {
        SinkConfig c = SinkMain.parse(new String[0], Settings.of(Map.of()));
        assertThat(c.store()).isEqualTo("sqlite:./data/newsflow.db");
        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.httpPort()).isEqualTo(8083);
        assertThat(c.groupId()).isEqualTo("newsflow-sink");
        assertThat(c.topics().enriched()).isEqualTo("news.articles.enriched");
    }

    @Test
    void options_override_settings() {
        Settings env = Settings.of(Map.of("SINK_STORE", "sqlite:/tmp/a.db", "BOOTSTRAP_SERVERS", "k:9092", "TOPIC_ENRICHED", "e"));
        SinkConfig c = SinkMain.parse(new String[] {"--store", "postgresql://127.0.0.1:5432/test?user=postgres",
                "--http-port=9000", "--group", "g2"}, env);
        assertThat(c.store()).isEqualTo("postgresql://127.0.0.1:5432/test?user=postgres");
        assertThat(c.httpPort()).isEqualTo(9000);
        assertThat(c.groupId()).isEqualTo("g2");
        assertThat(c.bootstrapServers()).isEqualTo("k:9092");
        assertThat(c.topics().enriched()).isEqualTo("e");
        assertThat(SinkMain.parse(new String[] {"--no-http"}, env).httpEnabled()).isFalse();
        assertThat(SinkMain.parse(new String[] {"--help"}, env)).isNull();
    }

    @Test
    void bad_options_say_what_is_wrong() {
        assertThatThrownBy(() -> SinkMain.parse(new String[] {"--store", "mysql://x"}, Settings.of(Map.of())))
                .hasMessageContaining("unsupported store URL");
        assertThatThrownBy(() -> SinkMain.parse(new String[] {"--frobnicate"}, Settings.of(Map.of())))
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> SinkMain.parse(new String[] {"--store"}, Settings.of(Map.of())))
                .hasMessageContaining("needs a value");
    }

    @Test
    void the_store_password_never_reaches_the_retry_line_or_the_errors() throws Exception {
        // Issue #11: "store postgresql://user:pw@host/db not available" was printed on every connection retry.
        String secret = "Sup3rSecretPw";
        SinkConfig config = SinkMain.parse(new String[] {"--store", "postgresql://newsflow:" + secret + "@127.0.0.1:1/db?password=" + secret},
                Settings.of(Map.of())).withRetry(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(100));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setProperty("newsflow.sink.db.timeout.ms", "300");
        Thread opener = new Thread(() -> {
            try {
                SinkMain.openWithRetry(config).close();
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
        assertThatThrownBy(() -> SinkMain.parse(new String[] {"--store", "mysql://root:" + secret + "@db/x"}, Settings.of(Map.of())))
                .hasMessageNotContaining(secret);
        assertThat(SinkMain.parse(new String[0], Settings.of(Map.of("API_TOKEN", "tok-" + secret + "-0123456789"))).toString())
                .doesNotContain(secret);
    }
}
