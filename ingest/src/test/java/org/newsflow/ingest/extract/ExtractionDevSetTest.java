package org.newsflow.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The extraction accuracy on the dev pages must not fall: F1 measured 0.977 (P 0.985, R 0.969) when this floor was
 * set; the floor sits a little under it. Skipped when the shared eval directory is not next to the checkout.
 */
class ExtractionDevSetTest {
    private static final double F1_FLOOR = 0.970;
    private static final double PRECISION_FLOOR = 0.975;
    private static final double RECALL_FLOOR = 0.960;

    static Path goldDir() {
        String configured = System.getProperty("newsflow.extraction.gold");
        return Stream.of(configured, "../../shared/eval/article-extraction", "../shared/eval/article-extraction")
                .filter(s -> s != null)
                .map(Path::of)
                .filter(p -> Files.exists(p.resolve("ground-truth.json")))
                .findFirst().orElse(null);
    }

    @Test
    void devSetF1StaysAboveTheFloorAndFarAboveThePlainBaseline() throws IOException {
        Path gold = goldDir();
        assumeTrue(gold != null, "article-extraction gold data not found (../shared/eval/article-extraction)");
        ExtractionEval.Figures ours = ExtractionEval.run(gold, false, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        assertThat(ours.f1()).isGreaterThanOrEqualTo(F1_FLOOR);
        assertThat(ours.precision()).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(ours.recall()).isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(ours.noArticle()).isZero();
    }
}
