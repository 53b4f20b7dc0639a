package org.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void a_known_total_shows_bar_count_rate_and_eta() {
        String line = ProgressBar.silent("ingest", 400).line(100, Duration.ofSeconds(10));
        assertThat(line).startsWith("ingest [=======>").contains("] 100/400", "10.0/s", "ETA 0:30", "0:10");
    }

    @Test
    void an_unknown_total_shows_count_and_rate_without_eta() {
        String line = ProgressBar.silent("eval", 0).line(250, Duration.ofSeconds(100));
        assertThat(line).isEqualTo("eval 250  2.5/s  1:40");
    }

    @Test
    void a_finished_run_has_a_full_bar_and_no_eta() {
        String line = ProgressBar.silent("bench", 50).line(60, Duration.ofMinutes(61));
        assertThat(line).contains("[==============================] 50/50").doesNotContain("ETA").endsWith("1:01:00");
    }

    @Test
    void without_a_terminal_nothing_is_drawn() {
        // Tests run without a console: start() must not paint (CI logs get no carriage returns).
        try (ProgressBar bar = ProgressBar.start("quiet", 10, () -> 5)) {
            assertThat(System.console()).isNull();
        }
    }
}
