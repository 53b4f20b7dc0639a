package org.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingTest {
    private static final Setting PORT = Setting.of("X_PORT", "8083", "sink", "a port").range(0, 65535).option("--port");
    private static final Setting TOKEN = Setting.of("X_TOKEN", null, "sink", "a token");
    private static final Setting ON = Setting.of("X_ON", "true", "sink", "a switch").bool();

    @Test
    void a_setting_reads_its_variable_else_its_default() {
        assertThat(Settings.of(Map.of()).getInt(PORT)).isEqualTo(8083);
        assertThat(Settings.of(Map.of("X_PORT", "9000")).getInt(PORT)).isEqualTo(9000);
        assertThat(Settings.of(Map.of()).get(TOKEN)).isNull();
        assertThat(Settings.of(Map.of("X_TOKEN", " t ")).find(TOKEN)).contains("t");
        assertThat(Settings.of(Map.of("X_ON", "FALSE")).getBoolean(ON)).isFalse();
        assertThat(PORT.variable()).isEqualTo("NEWSFLOW_X_PORT");
        assertThat(PORT.option()).isEqualTo("--port");
    }

    @Test
    void invalid_values_fail_naming_the_variable_and_what_is_expected() {
        assertThatThrownBy(() -> Settings.of(Map.of("X_PORT", "70000")).getInt(PORT))
                .hasMessageContaining("NEWSFLOW_X_PORT").hasMessageContaining("from 0 to 65535");
        assertThatThrownBy(() -> Settings.of(Map.of("X_PORT", "eighty")).getInt(PORT)).hasMessageContaining("NEWSFLOW_X_PORT");
        assertThatThrownBy(() -> Settings.of(Map.of("X_ON", "yes")).getBoolean(ON)).hasMessageContaining("true or false");
        assertThatThrownBy(() -> Setting.of("X", "0", "all", "d").positive()).hasMessageContaining("default");
        assertThatThrownBy(() -> Setting.of("lower", null, "all", "d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_prefix_collects_a_family_of_settings_with_overrides_winning() {
        Settings s = Settings.of(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_", "ignored", "OTHER", "x"));
        assertThat(s.withPrefix("KAFKA_")).containsExactly(Map.entry("SECURITY_PROTOCOL", "SSL"));
        assertThat(CommonSettings.KAFKA_PASS_THROUGH.variable()).isEqualTo("NEWSFLOW_KAFKA_*");
    }

    @Test
    void every_common_default_is_one_value() {
        assertThat(Settings.of(Map.of()).get(CommonSettings.BOOTSTRAP_SERVERS)).isEqualTo("127.0.0.1:9092");
        assertThat(Topics.from(Settings.of(Map.of()))).isEqualTo(Topics.defaults());
    }
}
