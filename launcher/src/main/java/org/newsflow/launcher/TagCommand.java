package org.newsflow.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.contract.Settings;
import org.newsflow.enrich.Enricher;
import org.newsflow.ingest.source.ArticleFiles;
import org.newsflow.ingest.source.Dates;
import org.newsflow.ingest.source.InputLimits;
import org.newsflow.ingest.source.SourceItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Enrichment without Kafka: the same reader (and the same input limits) as ingest and the same {@link Enricher} as
 * the enrich service, so each output line is exactly the record the pipeline would publish to the enriched topic.
 * Items are tagged as they are read, so a large JSON Lines file streams.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag article files (.txt, .json, .jsonl) or stdin ('-') and print one enriched JSON record per article (JSON Lines).")
final class TagCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "article files or directories; '-' reads one plain-text article body (UTF-8) from stdin")
    List<String> inputs;

    @Option(names = "--published-at", paramLabel = "DATE", description = "publication date for plain text without one (ISO-8601, e.g. 2022-11-07)")
    String publishedAt;

    @Option(names = "--pretty", description = "indent the JSON (one record per block instead of per line)")
    boolean pretty;

    private Enricher enricher;
    private int failures;

    @Override
    public Integer call() throws IOException {
        Instant published;
        try {
            published = Dates.parseSane(publishedAt, Instant.now());
        } catch (InvalidRecordException e) {
            System.err.println("newsflow tag: --published-at: " + e.getMessage());
            return 2;
        }
        InputLimits limits = InputLimits.from(Settings.fromEnvironment());
        ArticleFiles files = new ArticleFiles(limits);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (String input : inputs) {
            if (input.equals("-")) {
                emit(out, stdin(files, limits, published), published);
            } else {
                for (Path file : ArticleFiles.list(List.of(Path.of(input)))) {
                    files.read(file, item -> emit(out, item, published));
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** One plain-text body from stdin: at most the file limit, strict UTF-8 (never silently replaced). */
    private static SourceItem stdin(ArticleFiles files, InputLimits limits, Instant published) throws IOException {
        byte[] bytes = System.in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        if (bytes.length > limits.maxFileBytes()) {
            return SourceItem.rejected("stdin", new byte[0], "input is over the limit of " + limits.maxFileBytes() + " bytes (NEWSFLOW_INGEST_MAX_FILE_BYTES)");
        }
        try {
            String body = ArticleFiles.decodeUtf8(bytes, 0);
            return SourceItem.of("stdin", files.fromBody("stdin", body, published), bytes);
        } catch (InvalidRecordException e) {
            return SourceItem.rejected("stdin", bytes, e.getMessage().replace(ArticleFiles.MALFORMED, ""));
        }
    }

    private void emit(PrintStream out, SourceItem item, Instant published) {
        if (!item.ok()) {
            System.err.println("newsflow tag: skipped " + item.origin() + ": " + item.error());
            failures++;
            return;
        }
        RawArticle a = item.article();
        if (a.publishedAt() == null && published != null) {
            a = new RawArticle(a.schemaVersion(), a.id(), a.url(), a.source(), a.title(), a.body(), a.language(), published, a.ingestedAt(), a.origin());
        }
        if (enricher == null) {
            enricher = Enricher.shared(); // loaded only when there is something to tag
        }
        try {
            Object record = enricher.enrich(a);
            out.println(pretty ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record) : Json.toString(record));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
