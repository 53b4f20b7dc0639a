package org.newsflow.ingest.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsflow.ingest.process.WireStories.article;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.ContractSchemas;
import org.newsflow.contract.RawArticle;

class NearDuplicateProcessorTest {

    private static NearDuplicateProcessor processor() {
        return new NearDuplicateProcessor(NearDuplicateProcessor.Config.defaults());
    }

    /** A clock the test moves by hand, to cross the window without waiting. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-29T02:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A body of {@code words} words drawn at random: different seeds give unrelated texts. */
    static String randomBody(long seed, int words) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append("w").append(random.nextInt(5_000));
        }
        return b.toString();
    }

    @Test
    void republishedCopiesAreMarkedWithTheFirstCopysId() {
        NearDuplicateProcessor dedup = processor();
        RawArticle first = article(WireStories.STRIKE_TITLE, WireStories.STRIKE);
        assertThat(dedup.process(first)).isEqualTo(first);
        for (Map.Entry<String, String> copy : WireStories.strikeCopies().entrySet()) {
            RawArticle marked = dedup.process(article("https://outlet.example/" + copy.getKey().replace(' ', '-'),
                    "Eight dead in Kharkiv drone attack", copy.getValue()));
            assertThat(marked.duplicateOf()).as(copy.getKey()).isEqualTo(first.id());
            assertThat(marked.duplicateSimilarity()).as(copy.getKey()).isBetween(0.6, 1.0);
            assertThat(ContractSchemas.violations(ContractSchemas.RAW, marked)).isEmpty();
        }
    }

    @Test
    void theSameBodyUnderAnotherHeadlineIsAnExactCopy() {
        NearDuplicateProcessor dedup = processor();
        RawArticle first = article(WireStories.STRIKE_TITLE, WireStories.STRIKE);
        dedup.process(first);
        RawArticle copy = dedup.process(article("Kharkiv: eight killed", WireStories.STRIKE));
        assertThat(copy.id()).isNotEqualTo(first.id());
        assertThat(copy.duplicateOf()).isEqualTo(first.id());
        assertThat(copy.duplicateSimilarity()).isEqualTo(1.0);
    }

    @Test
    void aCopyOfACopyPointsToTheFirstCopy() {
        NearDuplicateProcessor dedup = processor();
        RawArticle first = article("a", WireStories.STRIKE);
        RawArticle cut = article("b", WireStories.strikeCopies().get("cut from the bottom"));
        // Shorter still than the cut copy: closer to it than to the full story.
        String shorterBody = cut.body().substring(0, cut.body().lastIndexOf("\n\n")) + "\n\nReporting by Olena Harmash.";
        dedup.process(first);
        assertThat(dedup.process(cut).duplicateOf()).isEqualTo(first.id());
        assertThat(dedup.process(article("c", shorterBody)).duplicateOf()).isEqualTo(first.id());
    }

    @Test
    void differentStoriesAboutTheSameWarAreNotMarked() {
        NearDuplicateProcessor dedup = processor();
        dedup.process(article(WireStories.STRIKE_TITLE, WireStories.STRIKE));
        assertThat(dedup.process(article("Ukraine, Russia to hold prisoner swap talks in Istanbul", WireStories.TALKS)).duplicateOf()).isNull();
        assertThat(dedup.process(article("Ukrainian drones hit Belgorod oil depot", WireStories.COUNTERSTRIKE)).duplicateOf()).isNull();
        assertThat(dedup.size()).isEqualTo(3);
    }

    @Test
    void theSameIdAgainIsAnUpsertNotADuplicate() {
        NearDuplicateProcessor dedup = processor();
        RawArticle first = article("https://wire.example/kharkiv", WireStories.STRIKE_TITLE, WireStories.STRIKE);
        RawArticle copy = article("https://outlet.example/kharkiv", "Kharkiv", WireStories.strikeCopies().get("dateline"));
        assertThat(dedup.process(first).duplicateOf()).isNull();
        RawArticle markedCopy = dedup.process(copy);
        assertThat(markedCopy.duplicateOf()).isEqualTo(first.id());

        // Re-ingesting either one answers what was answered the first time, and indexes nothing new.
        assertThat(dedup.process(first).duplicateOf()).isNull();
        assertThat(dedup.process(copy)).isEqualTo(markedCopy);
        // The same URL with a lightly edited body (the outlet fixed a typo): still the same article.
        RawArticle edited = article("https://wire.example/kharkiv", WireStories.STRIKE_TITLE, WireStories.STRIKE.replace("Synegubov", "Syniehubov"));
        assertThat(edited.id()).isEqualTo(first.id());
        assertThat(dedup.process(edited).duplicateOf()).isNull();
        assertThat(dedup.size()).isEqualTo(2);
    }

    @Test
    void aFirstCopyReingestedAfterItsEntryWasEvictedIsNotMarkedAsACopyOfItself() {
        NearDuplicateProcessor dedup = new NearDuplicateProcessor(new NearDuplicateProcessor.Config(0.6, 4, 2, Duration.ofHours(48), 20));
        RawArticle first = article("https://wire.example/kharkiv", WireStories.STRIKE_TITLE, WireStories.STRIKE);
        dedup.process(first);
        assertThat(dedup.process(article("b", WireStories.strikeCopies().get("dateline"))).duplicateOf()).isEqualTo(first.id());
        dedup.process(article("c", WireStories.TALKS)); // capacity 2: the first copy's entry goes
        // Only its copy is left, which names it as the first copy: the article itself is still no duplicate.
        assertThat(dedup.process(first).duplicateOf()).isNull();
    }

    @Test
    void aMarkBroughtAlongBySourceIsReplacedByIngestsOwnAnswer() {
        NearDuplicateProcessor dedup = processor();
        RawArticle claims = article("t", WireStories.TALKS).withDuplicateOf("txt-0123456789abcdef0123456789abcdef", 0.99);
        assertThat(dedup.process(claims).duplicateOf()).isNull();
    }

    @Test
    void shortBodiesAreLeftAlone() {
        NearDuplicateProcessor dedup = processor();
        String brief = "Markets closed higher on Monday after a quiet session in Asia.";
        dedup.process(article("Markets", brief));
        assertThat(dedup.process(article("Markets close higher", brief)).duplicateOf()).isNull();
        assertThat(dedup.size()).isZero();
    }

    @Test
    void capacityBoundsTheIndexAndTheOldestGoFirst() {
        int capacity = 50;
        NearDuplicateProcessor dedup = new NearDuplicateProcessor(new NearDuplicateProcessor.Config(0.6, 4, capacity, Duration.ofHours(48), 20));
        List<RawArticle> originals = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            RawArticle a = article("story " + i, randomBody(i, 120));
            originals.add(a);
            assertThat(dedup.process(a).duplicateOf()).isNull();
            assertThat(dedup.size()).isLessThanOrEqualTo(capacity);
        }
        assertThat(dedup.size()).isEqualTo(capacity);
        // Every evicted entry took its 32 band keys with it.
        assertThat(dedup.bandEntries()).isEqualTo(capacity * MinHash.BANDS);
        long bytesAtCapacity = dedup.indexBytes();
        for (int i = 500; i < 1_000; i++) {
            dedup.process(article("story " + i, randomBody(i, 120)));
        }
        assertThat(dedup.indexBytes()).isEqualTo(bytesAtCapacity);

        // A copy of an evicted story is a first copy again; one of a story still indexed is marked.
        RawArticle evicted = originals.get(10);
        assertThat(dedup.process(article("again", evicted.body() + " Reporting by someone.")).duplicateOf()).isNull();
        RawArticle kept = article("story 999", randomBody(999, 120));
        assertThat(dedup.process(article("copy", kept.body() + " Reporting by someone.")).duplicateOf()).isEqualTo(kept.id());
    }

    @Test
    void theWindowForgetsOldStories() {
        ManualClock clock = new ManualClock();
        NearDuplicateProcessor dedup = new NearDuplicateProcessor(new NearDuplicateProcessor.Config(0.6, 4, 1_000, Duration.ofHours(48), 20), clock);
        RawArticle first = article("a", WireStories.STRIKE);
        dedup.process(first);
        dedup.process(article("b", WireStories.TALKS));
        clock.now = clock.now.plus(Duration.ofHours(47));
        assertThat(dedup.process(article("c", WireStories.strikeCopies().get("dateline"))).duplicateOf()).isEqualTo(first.id());
        clock.now = clock.now.plus(Duration.ofHours(2)); // the first two are now 49 h old, the copy 2 h
        RawArticle talksCopy = dedup.process(article("d", "ISTANBUL (AFP) - " + WireStories.TALKS));
        assertThat(talksCopy.duplicateOf()).isNull();
        assertThat(dedup.size()).isEqualTo(2); // the dateline copy and the new talks copy
    }

    @Test
    void threadsRacingThroughTheSameStoriesMakeExactlyOneFirstCopyOfEach() throws Exception {
        // Four sources deliver copies of the same 400 stories in the same order, so they keep colliding on a story.
        int threads = 4;
        int stories = 400;
        NearDuplicateProcessor dedup = processor();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<RawArticle>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int source = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<RawArticle> out = new ArrayList<>();
                    for (int story = 0; story < stories; story++) {
                        out.add(dedup.process(article("source " + source + " story " + story,
                                "SOURCE" + source + " - " + randomBody(story, 80))));
                    }
                    return out;
                }));
            }
            start.countDown();
            Map<Integer, List<RawArticle>> byStory = new java.util.HashMap<>();
            for (Future<List<RawArticle>> f : results) {
                List<RawArticle> out = f.get();
                for (int story = 0; story < stories; story++) {
                    byStory.computeIfAbsent(story, x -> new ArrayList<>()).add(out.get(story));
                }
            }
            for (List<RawArticle> copies : byStory.values()) {
                List<RawArticle> firsts = copies.stream().filter(a -> a.duplicateOf() == null).toList();
                assertThat(firsts).hasSize(1);
                assertThat(copies).filteredOn(a -> a.duplicateOf() != null).extracting(RawArticle::duplicateOf)
                        .containsOnly(firsts.get(0).id());
            }
            assertThat(dedup.size()).isEqualTo(threads * stories);
            assertThat(dedup.bandEntries()).isEqualTo(threads * stories * MinHash.BANDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCopiesOfOneStoryMakeExactlyOneFirstCopy() throws Exception {
        String[] agencies = {"AFP", "Reuters", "AP", "dpa", "ANSA", "EFE", "Kyodo", "PAP"};
        ExecutorService pool = Executors.newFixedThreadPool(agencies.length);
        try {
            for (int round = 0; round < 30; round++) {
                NearDuplicateProcessor dedup = processor();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<RawArticle>> results = new ArrayList<>();
                for (String agency : agencies) {
                    RawArticle copy = article("https://" + agency.toLowerCase() + ".example/" + round, "Kharkiv " + round,
                            "KHARKIV, Ukraine (" + agency + ") - " + WireStories.STRIKE);
                    results.add(pool.submit(() -> {
                        start.await();
                        return dedup.process(copy);
                    }));
                }
                start.countDown();
                List<RawArticle> out = new ArrayList<>();
                for (Future<RawArticle> f : results) {
                    out.add(f.get());
                }
                List<RawArticle> firsts = out.stream().filter(a -> a.duplicateOf() == null).toList();
                assertThat(firsts).as("round " + round).hasSize(1);
                String firstId = firsts.get(0).id();
                assertThat(out).filteredOn(a -> a.duplicateOf() != null).hasSize(agencies.length - 1)
                        .allSatisfy(a -> assertThat(a.duplicateOf()).isEqualTo(firstId));
                assertThat(dedup.size()).isEqualTo(agencies.length);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
