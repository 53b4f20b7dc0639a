package org.newsflow.ingest.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.Json;

/**
 * The measurements behind the defaults in docs/dedup.md, printed: exact Jaccard similarity of word shingles for
 * each kind of republishing edit and for different stories on the same war, for shingles of 3, 4 and 5 words;
 * and how far the MinHash estimate is from the exact value. Asserts only what the defaults rely on (edits above the
 * threshold, different stories far below), never a timing.
 */
class NearDuplicateMeasurementTest {

    static double exactJaccard(String a, String b, int k) {
        Set<List<Long>> sa = shingles(a, k);
        Set<List<Long>> sb = shingles(b, k);
        Set<List<Long>> union = new HashSet<>(sa);
        union.addAll(sb);
        sa.retainAll(sb);
        return sa.size() / (double) union.size();
    }

    private static Set<List<Long>> shingles(String text, int k) {
        long[] words = MinHash.wordHashes(text);
        Set<List<Long>> set = new HashSet<>();
        for (int i = 0; i + k <= words.length; i++) {
            List<Long> shingle = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                shingle.add(words[i + j]);
            }
            set.add(shingle);
        }
        return set;
    }

    @Test
    void editsOfRepublishedWireStoriesStayAboveTheThresholdAndOtherStoriesFarBelow() {
        double threshold = NearDuplicateProcessor.Config.defaults().threshold();
        int k = NearDuplicateProcessor.Config.defaults().shingleWords();
        MinHash minHash = new MinHash(k);
        System.out.printf("%-30s %6s %6s %6s  %s%n", "copy of the Kharkiv story", "k=3", "k=4", "k=5", "MinHash estimate (k=" + k + ")");
        for (Map.Entry<String, String> copy : WireStories.strikeCopies().entrySet()) {
            double estimate = MinHash.similarity(minHash.signature(MinHash.wordHashes(WireStories.STRIKE)), 0,
                    minHash.signature(MinHash.wordHashes(copy.getValue())), 0);
            System.out.printf("%-30s %6.3f %6.3f %6.3f  %.3f%n", copy.getKey(), exactJaccard(WireStories.STRIKE, copy.getValue(), 3),
                    exactJaccard(WireStories.STRIKE, copy.getValue(), 4), exactJaccard(WireStories.STRIKE, copy.getValue(), 5), estimate);
            assertThat(exactJaccard(WireStories.STRIKE, copy.getValue(), k)).as(copy.getKey()).isGreaterThanOrEqualTo(threshold);
        }
        for (String[] other : new String[][] {{"talks story (same war)", WireStories.TALKS}, {"counterstrike story (same war)", WireStories.COUNTERSTRIKE}}) {
            System.out.printf("%-30s %6.3f %6.3f %6.3f%n", other[0], exactJaccard(WireStories.STRIKE, other[1], 3),
                    exactJaccard(WireStories.STRIKE, other[1], 4), exactJaccard(WireStories.STRIKE, other[1], 5));
            assertThat(exactJaccard(WireStories.STRIKE, other[1], k)).as(other[0]).isLessThan(threshold / 4);
        }
    }

    @Test
    void differentArticlesOfTheBenchCorpusAreFarApart() throws IOException {
        Path corpus = Path.of("..", "bench", "corpus");
        List<String> bodies = new ArrayList<>(List.of(WireStories.STRIKE, WireStories.TALKS, WireStories.COUNTERSTRIKE));
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                bodies.add(Json.MAPPER.readTree(f.toFile()).get("body").asText());
            }
        }
        int k = NearDuplicateProcessor.Config.defaults().shingleWords();
        double max = 0;
        for (int i = 0; i < bodies.size(); i++) {
            for (int j = i + 1; j < bodies.size(); j++) {
                max = Math.max(max, exactJaccard(bodies.get(i), bodies.get(j), k));
            }
        }
        System.out.printf("largest Jaccard (k=%d) between %d different articles: %.3f%n", k, bodies.size(), max);
        assertThat(bodies).hasSizeGreaterThan(10);
        assertThat(max).isLessThan(0.1);
    }
}
