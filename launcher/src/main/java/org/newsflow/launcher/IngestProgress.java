package org.newsflow.launcher;

import org.newsflow.contract.ProgressBar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The progress bar of {@code newsflow ingest} over files: records done are read from ingest's own counter
 * ({@code newsflow.ingest.records}: published, rejected or undelivered), the total is the number of files when each
 * holds one article (no JSON Lines among them, whose article count is known only once read; then no ETA).
 */
final class IngestProgress {
    private IngestProgress() {}

    static ProgressBar start(List<String> inputs, MeterRegistry registry) {
        List<Path> files = inputs.stream().filter(i -> !FeedOptions.isUrl(i)).map(Path::of).toList();
        return ProgressBar.start("ingest", files.isEmpty() ? 0 : articles(files),
                () -> (long) registry.find("newsflow.ingest.records").counters().stream().mapToDouble(Counter::count).sum());
    }

    /** Files under the roots if each is one article; 0 (unknown) when any is JSON Lines. */
    static long articles(List<Path> roots) {
        long count = 0;
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue; // ingest reports it, in its own words
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                        return 0;
                    }
                    count++;
                }
            } catch (IOException | UncheckedIOException e) {
                return 0; // unreadable folders are ingest's to report; the bar just has no total
            }
        }
        return count;
    }
}
