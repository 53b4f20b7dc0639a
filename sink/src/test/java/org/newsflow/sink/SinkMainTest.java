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
}
