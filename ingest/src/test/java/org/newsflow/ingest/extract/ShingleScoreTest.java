package org.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShingleScoreTest {
    @Test
    void identicalTextsScoreOne() {
        ShingleScore.Page p = ShingleScore.score("One two three four five.", "One, two: three four five");
        assertThat(p.precision()).isEqualTo(1.0);
        assertThat(p.recall()).isEqualTo(1.0);
    }

    @Test
    void countsShinglesWithMultiplicity() {
        // expected: a b c d e -> [abcd, bcde]; extracted: a b c d x -> [abcd, bcdx]
        ShingleScore.Page p = ShingleScore.score("a b c d e", "a b c d x");
        assertThat(p.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(p.recall()).isCloseTo(0.5, within(1e-9));
        // nothing extracted: precision is left out of the mean, recall is 0
        ShingleScore.Page empty = ShingleScore.score("a b c d e", "");
        assertThat(empty.precision()).isNaN();
        assertThat(empty.recall()).isZero();
        ShingleScore.Totals totals = new ShingleScore.Totals();
        totals.add(p);
        totals.add(empty);
        assertThat(totals.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(totals.recall()).isCloseTo(0.25, within(1e-9));
        assertThat(totals.f1()).isCloseTo(2 * 0.5 * 0.25 / 0.75, within(1e-9));
        // short texts are one shingle
        assertThat(ShingleScore.score("a b", "a b").f1()).isEqualTo(1.0);
    }
}
