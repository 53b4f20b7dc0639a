package org.newsflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordChecksTest {
    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void idsFromArticleIdsAreValid() {
        assertThat(RecordChecks.validId(ArticleIds.of("https://example.org/a", "t", "b"))).isTrue();
        assertThat(RecordChecks.validId(ArticleIds.of(null, "t", "b"))).isTrue();
    }

    @Test
    void idsThatCannotTravelInAUrlAreRejected() {
        assertThat(RecordChecks.validId("a/b")).isFalse();
        assertThat(RecordChecks.validId("..")).isFalse();
        assertThat(RecordChecks.validId("")).isFalse();
        assertThat(RecordChecks.validId(null)).isFalse();
        assertThat(RecordChecks.validId("x".repeat(129))).isFalse();
        assertThat(RecordChecks.validId("id with space")).isFalse();
        assertThatThrownBy(() -> RecordChecks.requireValidId("a/b"))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("'a/b'");
    }

    @Test
    void timesOutsideTheSaneRangeAreRejected() {
        assertThat(RecordChecks.saneTime(null, NOW)).isTrue();
        assertThat(RecordChecks.saneTime(Instant.parse("2022-11-07T10:00:00Z"), NOW)).isTrue();
        assertThat(RecordChecks.saneTime(NOW.plusSeconds(3600), NOW)).isTrue();
        assertThat(RecordChecks.saneTime(Instant.MAX, NOW)).isFalse();
        assertThat(RecordChecks.saneTime(Instant.parse("1799-12-31T23:59:59Z"), NOW)).isFalse();
        assertThat(RecordChecks.saneTime(NOW.plusSeconds(3 * 24 * 3600), NOW)).isFalse();
        assertThatThrownBy(() -> RecordChecks.requireSaneTime("publishedAt", Instant.MAX, NOW))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("publishedAt");
    }

    @Test
    void onlyTheCurrentSchemaVersionIsRead() {
        assertThat(RecordChecks.requireSchemaVersion("raw article", 1, 1)).isEqualTo(1);
        assertThatThrownBy(() -> RecordChecks.requireSchemaVersion("raw article", 2, 1))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("schemaVersion 2");
    }
}
