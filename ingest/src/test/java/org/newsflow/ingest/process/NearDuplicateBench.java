package org.newsflow.ingest.process;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsflow.contract.RawArticle;

/**
 * Measures the two ingest processors (docs/dedup.md has the figures and the command):
 * <ol>
 *   <li>near-duplicates found in a real news corpus (LGL: 588 US local-news articles, 2009, many from the same
 *       feeds and agencies), with the exact Jaccard of every marked pair and of every pair above 0.3, so missed and
 *       wrong marks show;</li>
 *   <li>per-article cost of {@link NearDuplicateProcessor#process} against a full index (100,000 entries) and the
 *       index's memory;</li>
 *   <li>Lingua's first-call (model loading) cost and per-article cost of {@link LanguageProcessor}.</li>
 * </ol>
 * A main, not a test: timings are measured, never asserted.
 * Usage: {@code NearDuplicateBench PATH/TO/lgl.xml}
 */
public final class NearDuplicateBench {
    private static final Pattern ARTICLE = Pattern.compile(
            "<article docid=\"(\\d+)\">.*?<title>(.*?)</title>\\s*<domain>(.*?)</domain>.*?<text><!\\[CDATA\\[(.*?)]]></text>", Pattern.DOTALL);

    /** CPU time of this thread: the machine is shared, and wall time would measure the neighbours. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    record Doc(String docid, String title, String domain, String text) {}

    public static void main(String[] args) throws Exception {
        List<Doc> docs = new ArrayList<>();
        Matcher m = ARTICLE.matcher(Files.readString(Path.of(args.length > 0 ? args[0] : "../shared/eval/lgl.xml"), StandardCharsets.UTF_8));
        while (m.find()) {
            docs.add(new Doc(m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        System.out.printf("corpus: %d LGL articles%n%n", docs.size());
        NearDuplicateProcessor.Config config = NearDuplicateProcessor.Config.defaults();
        realCorpus(docs, config);
        curve(docs, config);
        cost(docs, config);
        language(docs);
    }

    private static RawArticle article(Doc d) {
        // LGL's text starts with the headline; the body is what the processor sees, as ingest would publish it.
        return WireStories.article("http://lgl.example/" + d.docid(), d.title(), d.text());
    }

    private static void realCorpus(List<Doc> docs, NearDuplicateProcessor.Config config) {
        int k = config.shingleWords();
        NearDuplicateProcessor dedup = new NearDuplicateProcessor(config);
        Map<String, Doc> byId = new HashMap<>();
        Map<String, String> firstOf = new HashMap<>();
        int marked = 0;
        System.out.printf("== marked near-duplicates (threshold %.2f, k=%d) ==%n", config.threshold(), k);
        for (Doc d : docs) {
            RawArticle a = dedup.process(article(d));
            byId.put(a.id(), d);
            if (a.duplicateOf() != null) {
                marked++;
                Doc first = byId.get(a.duplicateOf());
                firstOf.put(d.docid(), first.docid());
                System.out.printf("  %s (%s) -> %s (%s): estimate %.3f, exact %.3f%n     \"%s\"%n  -> \"%s\"%n", d.docid(), d.domain(),
                        first.docid(), first.domain(), a.duplicateSimilarity(), exact(d.text(), first.text(), k),
                        cut(d.title()), cut(first.title()));
            }
        }
        System.out.printf("%d of %d marked%n%n== every pair with exact Jaccard >= 0.3 ==%n", marked, docs.size());
        long[][] sets = docs.stream().map(d -> shingleSet(d.text(), k)).toArray(long[][]::new);
        int pairs = 0;
        for (int i = 0; i < docs.size(); i++) {
            for (int j = i + 1; j < docs.size(); j++) {
                double jac = jaccard(sets[i], sets[j]);
                if (jac >= 0.3) {
                    pairs++;
                    boolean same = docs.get(j).docid().equals(firstOf.get(docs.get(i).docid())) || docs.get(i).docid().equals(firstOf.get(docs.get(j).docid()))
                            || (firstOf.get(docs.get(j).docid()) != null && firstOf.get(docs.get(j).docid()).equals(firstOf.get(docs.get(i).docid())));
                    System.out.printf("  %.3f %s %s / %s %s  marked as one story: %s%n", jac, docs.get(i).docid(), docs.get(i).domain(),
                            docs.get(j).docid(), docs.get(j).domain(), same ? "yes" : "no");
                }
            }
        }
        System.out.printf("%d pairs of %d%n%n", pairs, docs.size() * (docs.size() - 1) / 2);
    }

    /**
     * How sharp the threshold is: each article is copied with a share of its words replaced at random (the copy's
     * exact Jaccard then spans 0.3 to 1), the original and the copy go through a fresh processor, and the share of
     * copies marked is printed per band of exact Jaccard. Ideal: 0 below the threshold, 1 above.
     */
    private static void curve(List<Doc> docs, NearDuplicateProcessor.Config config) {
        int k = config.shingleWords();
        int[] total = new int[20];
        int[] marked = new int[20];
        SplittableRandom random = new SplittableRandom(7);
        double[] rates = {0.0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2};
        for (double rate : rates) {
            for (Doc d : docs) {
                String[] words = d.text().split("\\s+");
                for (int i = 0; i < words.length; i++) {
                    if (random.nextDouble() < rate) {
                        words[i] = "x" + random.nextInt(1_000_000);
                    }
                }
                String copy = String.join(" ", words) + " Reporting by the desk.";
                NearDuplicateProcessor dedup = new NearDuplicateProcessor(config);
                RawArticle original = dedup.process(article(d));
                RawArticle second = dedup.process(WireStories.article("copy of " + d.docid(), copy));
                if (original.id().equals(second.id())) {
                    continue;
                }
                double jac = exact(d.text(), copy, k);
                int bucket = Math.min(19, (int) (jac * 20));
                total[bucket]++;
                if (second.duplicateOf() != null) {
                    marked[bucket]++;
                }
            }
        }
        System.out.println("== share of copies marked, by exact Jaccard of the copy (random word substitutions) ==");
        for (int b = 0; b < 20; b++) {
            if (total[b] > 0) {
                System.out.printf("  %.2f-%.2f: %4d copies, %5.1f%% marked%n", b / 20.0, (b + 1) / 20.0, total[b], 100.0 * marked[b] / total[b]);
            }
        }
        System.out.println();
    }

    private static void cost(List<Doc> docs, NearDuplicateProcessor.Config config) {
        // Fill an index to capacity with texts drawn from the corpus's own words, at the corpus's lengths.
        List<String> vocabulary = new ArrayList<>();
        for (Doc d : docs) {
            vocabulary.addAll(Arrays.asList(d.text().split("\\s+")));
        }
        SplittableRandom random = new SplittableRandom(42);
        Runtime rt = Runtime.getRuntime();
        long before = usedHeap(rt);
        NearDuplicateProcessor dedup = new NearDuplicateProcessor(new NearDuplicateProcessor.Config(config.threshold(), config.shingleWords(),
                config.capacity(), Duration.ofDays(3650), config.minShingles()));
        long fillStart = cpu();
        for (int i = 0; i < config.capacity(); i++) {
            int words = docs.get(i % docs.size()).text().split("\\s+").length;
            StringBuilder b = new StringBuilder();
            for (int w = 0; w < words; w++) {
                b.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
            }
            dedup.process(WireStories.article("synthetic " + i, b.toString()));
        }
        long fillNanos = cpu() - fillStart;
        long after = usedHeap(rt);
        System.out.printf("== cost ==%nindex of %,d articles: %.0f MB of heap (arrays %.0f MB), filled at %.1f µs CPU per article (text generation included)%n",
                dedup.size(), (after - before) / 1e6, dedup.indexBytes() / 1e6, fillNanos / 1e3 / config.capacity());

        List<RawArticle> articles = docs.stream().map(NearDuplicateBench::article).toList();
        MinHash minHash = new MinHash(config.shingleWords());
        double words = articles.stream().mapToInt(a -> MinHash.wordHashes(a.body()).length).average().orElse(0);
        for (int round = 0; round < 5; round++) {
            long t0 = cpu();
            for (RawArticle a : articles) {
                minHash.signature(MinHash.wordHashes(a.body()));
            }
            long t1 = cpu();
            for (RawArticle a : articles) {
                dedup.process(a);
            }
            long t2 = cpu();
            System.out.printf("round %d: CPU per article: words + signature %.1f µs, process() against the full index %.1f µs (mean %.0f words)%n",
                    round, (t1 - t0) / 1e3 / articles.size(), (t2 - t1) / 1e3 / articles.size(), words);
        }
        System.out.println();
    }

    private static void language(List<Doc> docs) {
        LanguageProcessor languages = new LanguageProcessor();
        List<RawArticle> articles = docs.stream().map(d -> WireStories.article(d.title(), d.text()).withLanguage(null)).toList();
        long w0 = System.nanoTime();
        long t0 = cpu();
        String first = languages.process(articles.get(0)).language();
        System.out.printf("== language ==%nfirst detection (loads Lingua's models): %d ms CPU (%d ms wall) -> %s%n",
                (cpu() - t0) / 1_000_000, (System.nanoTime() - w0) / 1_000_000, first);
        for (int round = 0; round < 3; round++) {
            Map<String, Integer> counts = new HashMap<>();
            long t1 = cpu();
            for (RawArticle a : articles) {
                String code = languages.process(a).language();
                counts.merge(String.valueOf(code), 1, Integer::sum);
                if (round == 0 && !"en".equals(code)) {
                    System.out.printf("  not en: %s \"%s\" (%d chars)%n", code, cut(a.title()), a.body().length());
                }
            }
            System.out.printf("round %d: %.2f ms CPU per article, languages %s%n", round, (cpu() - t1) / 1e6 / articles.size(), counts);
        }
    }

    private static long usedHeap(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static long[] shingleSet(String text, int k) {
        long[] words = MinHash.wordHashes(text);
        long[] shingles = new long[Math.max(0, words.length - k + 1)];
        for (int i = 0; i < shingles.length; i++) {
            long x = 0;
            for (int j = 0; j < k; j++) {
                x = x * 0x9E3779B97F4A7C15L + words[i + j];
            }
            shingles[i] = MinHash.mix(x);
        }
        return Arrays.stream(shingles).sorted().distinct().toArray();
    }

    static double jaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 0 : common / (double) union;
    }

    private static double exact(String a, String b, int k) {
        return jaccard(shingleSet(a, k), shingleSet(b, k));
    }

    private static String cut(String s) {
        return s.length() > 70 ? s.substring(0, 70) + "..." : s;
    }
}
