package org.newsflow.launcher.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.newsflow.contract.RawArticle;
import org.newsflow.ingest.source.ArticleFiles;
import org.newsflow.ingest.source.SourceItem;

/**
 * The articles the benchmark measures: by default {@code bench/corpus/} plus the seed sample
 * {@code samples/armenia-azerbaijan-border.json}, read with the same reader as ingest, so the text measured is
 * exactly the text the pipeline would enrich.
 */
public record BenchCorpus(List<RawArticle> articles, List<String> origins) {
    static final String CORPUS_DIR = "bench/corpus";
    static final String SEED = "samples/armenia-azerbaijan-border.json";

    public int size() {
        return articles.size();
    }

    /** Reads every article under the roots; a file that does not parse is an error (the corpus must be complete). */
    public static BenchCorpus load(List<Path> roots) throws IOException {
        ArticleFiles reader = new ArticleFiles();
        List<RawArticle> articles = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (Path file : ArticleFiles.list(roots)) {
            for (SourceItem item : reader.read(file)) {
                if (!item.ok()) {
                    throw new IOException("benchmark article " + item.origin() + " is unusable: " + item.error());
                }
                articles.add(item.article());
                origins.add(item.origin());
            }
        }
        if (articles.isEmpty()) {
            throw new IOException("no articles under " + roots);
        }
        return new BenchCorpus(List.copyOf(articles), List.copyOf(origins));
    }

    /** A deterministic subset for the short mode: every second article, and always the seed sample. */
    public BenchCorpus sample() {
        List<RawArticle> a = new ArrayList<>();
        List<String> o = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            if (i % 2 == 0 || origins.get(i).endsWith(Path.of(SEED).getFileName().toString())) {
                a.add(articles.get(i));
                o.add(origins.get(i));
            }
        }
        return new BenchCorpus(List.copyOf(a), List.copyOf(o));
    }

    /** bench/corpus and the seed sample, found from the working directory upwards, else from the launcher jar's location. */
    public static List<Path> defaultRoots() throws IOException {
        for (Path start : candidates()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(CORPUS_DIR)) && Files.isRegularFile(dir.resolve(SEED))) {
                    return List.of(dir.resolve(CORPUS_DIR), dir.resolve(SEED));
                }
            }
        }
        throw new IOException("cannot find " + CORPUS_DIR + " and " + SEED
                + " from the working directory or the jar's location; run from the project directory or pass --corpus");
    }

    private static List<Path> candidates() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            var source = BenchCorpus.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                starts.add(Path.of(source.getLocation().toURI()).toAbsolutePath());
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // the working directory is enough
        }
        return starts;
    }
}
