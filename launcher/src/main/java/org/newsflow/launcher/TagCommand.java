package org.newsflow.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsflow.contract.InvalidRecordException;
import org.newsflow.contract.Json;
import org.newsflow.contract.RawArticle;
import org.newsflow.enrich.Enricher;
import org.newsflow.ingest.source.ArticleFiles;
import org.newsflow.ingest.source.Dates;
import org.newsflow.ingest.source.SourceItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Enrichment without Kafka: the same reader as ingest and the same {@link Enricher} as the enrich service,
 * so each output line is exactly the record the pipeline would publish to the enriched topic.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag article files (.txt, .json, .jsonl) or stdin ('-') and print one enriched JSON record per article (JSON Lines).")
final class TagCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "article files or directories; '-' reads one plain-text article body from stdin")
    List<String> inputs;

    @Option(names = "--published-at", paramLabel = "DATE", description = "publication date for plain text without one (ISO-8601, e.g. 2022-11-07)")
    String publishedAt;

    @Option(names = "--pretty", description = "indent the JSON (one record per block instead of per line)")
    boolean pretty;

    @Override
    public Integer call() throws IOException {
        Instant published = Dates.parse(publishedAt);
        ArticleFiles files = new ArticleFiles();
        List<SourceItem> items = new ArrayList<>();
        for (String input : inputs) {
            if (input.equals("-")) {
                String body = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                items.add(itemOf("stdin", () -> files.fromBody("stdin", body, published)));
            } else {
                for (Path file : ArticleFiles.list(List.of(Path.of(input)))) {
                    for (SourceItem item : files.read(file)) {
                        items.add(item.ok() && item.article().publishedAt() == null && published != null ? withDate(item, published) : item);
                    }
                }
            }
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int failures = 0;
        Enricher enricher = items.stream().anyMatch(SourceItem::ok) ? Enricher.shared() : null;
        for (SourceItem item : items) {
            if (!item.ok()) {
                System.err.println("newsflow tag: skipped " + item.origin() + ": " + item.error());
                failures++;
                continue;
            }
            Object record = enricher.enrich(item.article());
            out.println(pretty ? Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(record) : Json.toString(record));
            out.flush();
        }
        return failures == 0 ? 0 : 1;
    }

    private static SourceItem itemOf(String origin, java.util.function.Supplier<RawArticle> read) {
        try {
            return new SourceItem(origin, read.get(), new byte[0], null);
        } catch (InvalidRecordException e) {
            return new SourceItem(origin, null, new byte[0], e.getMessage());
        }
    }

    private static SourceItem withDate(SourceItem item, Instant published) {
        RawArticle a = item.article();
        RawArticle dated = new RawArticle(a.schemaVersion(), a.id(), a.url(), a.source(), a.title(), a.body(), a.language(),
                published, a.ingestedAt(), a.origin());
        return new SourceItem(item.origin(), dated, item.original(), null);
    }
}
