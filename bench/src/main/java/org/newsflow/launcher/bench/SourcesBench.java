package org.newsflow.launcher.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsflow.ingest.extract.ExtractionEval;
import org.newsflow.contract.RawArticle;
import org.newsflow.enrich.Enricher;
import org.newsflow.ingest.extract.ArticleExtractor;
import org.newsflow.ingest.extract.HtmlPages;

/**
 * {@code newsflow bench sources}: article extraction speed on real news pages, in pages per second and per
 * CPU-second of the measuring thread, against the plain baseline (jsoup parse + all visible text) in the same run, and
 * optionally against newsflow's enrichment rate (the collector must stay at least 50x faster per core than enrichment).
 * Pages are read and gunzipped before timing: the timed work is what ingest does with fetched bytes (decode, parse,
 * extract). Baseline and extractor alternate over several rounds after a warm-up; the best round of each is reported.
 */
public final class SourcesBench {
    /** The figures of one run. */
    public record Figures(int pages, long bytes, Throughput.Result plain, Throughput.Result extractor, Throughput.Result enrichment) {}

    private SourcesBench() {}

    public static Figures run(Path pagesDir, double seconds, int rounds, boolean withEnrichment, PrintStream out) throws Exception {
        List<byte[]> pages = new ArrayList<>();
        for (Path p : HtmlPages.list(pagesDir)) {
            pages.add(HtmlPages.read(p));
        }
        if (pages.isEmpty()) {
            throw new IOException("no .html or .html.gz pages under " + pagesDir);
        }
        long bytes = pages.stream().mapToLong(b -> b.length).sum();
        out.printf(Locale.ROOT, "[bench sources] %d pages, %.1f MB (mean %.0f KB) from %s%n", pages.size(), bytes / 1e6, bytes / 1e3 / pages.size(), pagesDir);
        ArticleExtractor extractor = new ArticleExtractor();
        Throughput.Job plainJob = i -> ExtractionEval.plainText(pages.get(i), null).isEmpty() ? 0 : 1;
        Throughput.Job ourJob = i -> extractor.extract(pages.get(i), null, null).ok() ? 1 : 0;
        // warm-up: the JIT compiles jsoup's tokenizer and the extractor before anything is timed
        // (whole passes, not seconds: on a busy machine a few wall seconds are too little CPU time for the JIT)
        Throughput.run("warm-up plain", pages.size(), 1, 10, 1, plainJob);
        Throughput.run("warm-up extract", pages.size(), 1, 10, 1, ourJob);
        Throughput.Result bestPlain = null;
        Throughput.Result bestOurs = null;
        for (int r = 0; r < rounds; r++) {
            Throughput.Result plain = Throughput.run("plain", pages.size(), 1, 3, seconds, plainJob);
            Throughput.Result ours = Throughput.run("extract", pages.size(), 1, 3, seconds, ourJob);
            out.printf(Locale.ROOT, "[bench sources] round %d: plain %.0f pages/CPU-s (%.0f pages/s), newsflow extractor %.0f pages/CPU-s (%.0f pages/s)%n",
                    r + 1, plain.articlesPerCpuSecond(), plain.articlesPerSecond(), ours.articlesPerCpuSecond(), ours.articlesPerSecond());
            bestPlain = bestPlain == null || plain.articlesPerCpuSecond() > bestPlain.articlesPerCpuSecond() ? plain : bestPlain;
            bestOurs = bestOurs == null || ours.articlesPerCpuSecond() > bestOurs.articlesPerCpuSecond() ? ours : bestOurs;
        }
        Throughput.Result enrichment = null;
        if (withEnrichment) {
            // The same corpus: the articles extracted from these very pages, so the ratio compares the collector's
            // cost per page with enrichment's cost per article it yields (not with other, shorter articles).
            List<RawArticle> articles = extractedArticles(pages, extractor);
            out.printf(Locale.ROOT, "[bench sources] enrichment corpus: the %d articles extracted from those pages, mean %.0f characters%n",
                    articles.size(), articles.stream().mapToInt(a -> a.body().length()).average().orElse(0));
            Enricher enricher = Enricher.shared();
            Throughput.run("warm-up enrich", articles.size(), 1, 2, 20, i -> {
                enricher.enrich(articles.get(i));
                return 0;
            });
            enrichment = Throughput.run("enrich", articles.size(), 1, 2, Math.max(10, seconds), i -> {
                enricher.enrich(articles.get(i));
                return 0;
            });
        }
        return new Figures(pages.size(), bytes, bestPlain, bestOurs, enrichment);
    }

    static List<RawArticle> extractedArticles(List<byte[]> pages, ArticleExtractor extractor) {
        List<RawArticle> articles = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            org.newsflow.ingest.extract.Extraction e = extractor.extract(pages.get(i), null, null);
            if (e.ok()) {
                articles.add(new RawArticle(RawArticle.SCHEMA_VERSION, "page-" + i, e.canonicalUrl(), null, e.title(), e.body(), e.language(),
                        e.publishedAt(), null, "bench"));
            }
        }
        return articles;
    }

    public static String markdown(Figures f) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "**sources: article extraction**, %d news pages, mean %.0f KB, 1 thread (best of the rounds)%n%n",
                f.pages(), f.bytes() / 1e3 / f.pages()));
        b.append("| engine | pages | seconds | pages/s | worker CPU s | pages per CPU-s | MB per CPU-s | ratio to plain (per CPU-s) |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Throughput.Result r : List.of(f.plain(), f.extractor())) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f | %.1f | %.0f | %.1f | %.2fx |%n",
                    r == f.plain() ? "plain: jsoup parse + all visible text" : "newsflow `ArticleExtractor`", r.articles(), r.seconds(),
                    r.articlesPerSecond(), r.cpuSeconds(), r.articlesPerCpuSecond(), r.articlesPerCpuSecond() * f.bytes() / f.pages() / 1e6,
                    r.articlesPerCpuSecond() / f.plain().articlesPerCpuSecond()));
        }
        if (f.enrichment() != null) {
            double ratio = f.extractor().articlesPerCpuSecond() / f.enrichment().articlesPerCpuSecond();
            b.append(String.format(Locale.ROOT, "%nnewsflow enrichment in the same run, on the articles extracted from the same pages: %.1f articles "
                    + "per CPU-s; extraction is %.0fx that per core (pages per CPU-second of the extracting thread / articles per CPU-second "
                    + "of the enriching thread; target >= 50x): %s%n", f.enrichment().articlesPerCpuSecond(), ratio, ratio >= 50 ? "met" : "NOT met"));
            b.append(String.format(Locale.ROOT, "counting the whole process's CPU (GC and JIT threads too): %.0fx%n",
                    f.extractor().articlesPerProcessCpuSecond() / f.enrichment().articlesPerProcessCpuSecond()));
        }
        return b.toString();
    }
}
