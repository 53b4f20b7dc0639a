package org.newsflow.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.Jsoup;

/**
 * Body-extraction accuracy on a gold directory in the layout of the article-extraction benchmark
 * ({@code ground-truth.json}: key -> {@code articleBody}, {@code url}; pages in {@code html/KEY.html.gz}), scored
 * with {@link ShingleScore}, for newsflow's extractor and the plain baseline (all visible text, jsoup) in one run.
 */
public final class ExtractionEval {
    /** One page of the gold set. */
    public record GoldPage(String key, String url, String expected, byte[] html) {}

    /** The figures of one extractor. */
    public record Figures(String name, double precision, double recall, double f1, int pages, int noArticle) {}

    private ExtractionEval() {}

    public static List<GoldPage> load(Path goldDir) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(goldDir.resolve("ground-truth.json").toFile());
        List<GoldPage> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = goldDir.resolve("html").resolve(e.getKey() + ".html.gz");
            if (!Files.exists(file)) {
                file = goldDir.resolve("html").resolve(e.getKey() + ".html");
            }
            if (Files.exists(file)) {
                pages.add(new GoldPage(e.getKey(), e.getValue().path("url").asText(null), e.getValue().path("articleBody").asText(""),
                        Files.readAllBytes(file)));
            }
        }
        pages.sort(java.util.Comparator.comparing(GoldPage::key));
        return pages;
    }

    /** The plain baseline: all visible text of the page (jsoup's text of the body). */
    public static String plainText(byte[] page, String url) {
        try {
            byte[] bytes = ArticleExtractor.gunzipIfNeeded(page);
            return Jsoup.parse(new java.io.ByteArrayInputStream(bytes), null, url == null ? "" : url).text();
        } catch (IOException e) {
            return "";
        }
    }

    public static Figures score(String name, List<GoldPage> pages, Function<GoldPage, String> extractor, PrintStream perPage) {
        ShingleScore.Totals totals = new ShingleScore.Totals();
        int empty = 0;
        for (GoldPage page : pages) {
            String got = extractor.apply(page);
            if (got == null || got.isEmpty()) {
                empty++;
            }
            ShingleScore.Page s = ShingleScore.score(page.expected(), got);
            totals.add(s);
            if (perPage != null) {
                perPage.printf(Locale.ROOT, "%-10s %s P %.3f R %.3f F1 %.3f %s%n", name, page.key().substring(0, 12), s.precision(),
                        s.recall(), s.f1(), page.url());
            }
        }
        return new Figures(name, totals.precision(), totals.recall(), totals.f1(), pages.size(), empty);
    }

    /** Runs both extractors over the gold set and prints the table; returns newsflow's figures. */
    public static Figures run(Path goldDir, boolean perPage, PrintStream out) throws IOException {
        List<GoldPage> pages = load(goldDir);
        ArticleExtractor extractor = new ArticleExtractor();
        Figures ours = score("newsflow", pages, p -> extractor.extract(p.html(), null, p.url()).body(), perPage ? out : null);
        Figures base = score("plain", pages, p -> plainText(p.html(), p.url()), perPage ? out : null);
        out.printf(Locale.ROOT, "article extraction on %d pages of %s (4-token shingles; mean precision and recall over pages, F1 of the means)%n",
                pages.size(), goldDir);
        out.printf(Locale.ROOT, "%-34s %9s %7s %7s %10s%n", "extractor", "precision", "recall", "F1", "no article");
        for (Figures f : List.of(ours, base)) {
            out.printf(Locale.ROOT, "%-34s %9.3f %7.3f %7.3f %10d%n",
                    f.name().equals("plain") ? "plain: all visible text (jsoup)" : "newsflow ArticleExtractor", f.precision(), f.recall(), f.f1(),
                    f.noArticle());
        }
        return ours;
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> flags = List.of(args).subList(1, args.length);
        run(Path.of(args[0]), flags.contains("--pages"), out);
        if (flags.contains("--halves")) {
            // tuning half (keys 0-7...) and held-out half (keys 8-f...), to see whether tuning on one half carries over
            List<GoldPage> pages = load(Path.of(args[0]));
            ArticleExtractor extractor = new ArticleExtractor();
            for (boolean low : new boolean[] {true, false}) {
                List<GoldPage> half = pages.stream().filter(p -> (p.key().charAt(0) < '8') == low).toList();
                Figures f = score("newsflow", half, p -> extractor.extract(p.html(), null, p.url()).body(), null);
                Figures b = score("plain", half, p -> plainText(p.html(), p.url()), null);
                out.printf(Locale.ROOT, "%s half (%d pages): newsflow P %.3f R %.3f F1 %.3f; plain F1 %.3f%n", low ? "tuning" : "held-out",
                        half.size(), f.precision(), f.recall(), f.f1(), b.f1());
            }
        }
    }
}
