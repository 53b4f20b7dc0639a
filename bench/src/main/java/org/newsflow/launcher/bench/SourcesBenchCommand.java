package org.newsflow.launcher.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow bench sources}: article extraction pages/s per core against the plain jsoup baseline
 * (docs/extraction.md), and feed items parsed per CPU-second (docs/sources.md).
 */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "Article extraction speed on saved news pages: pages/s and pages per CPU-second, newsflow's extractor vs the plain "
                + "baseline (jsoup parse + all visible text) in the same run; --with-enrichment also measures enrichment for the 50x check.")
final class SourcesBenchCommand implements Callable<Integer> {
    @Option(names = "--pages", paramLabel = "DIR", defaultValue = "../shared/eval/article-extraction/html",
            description = "saved pages, .html or .html.gz (default: ${DEFAULT-VALUE})")
    Path pages;

    @Option(names = "--seconds", defaultValue = "5", description = "minimum seconds per measurement (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "alternating rounds of baseline and extractor (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--with-enrichment", description = "also measure newsflow enrichment (loads CoreNLP, about a minute) and check the 50x target")
    boolean withEnrichment;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SourcesBench.Figures f = SourcesBench.run(pages, seconds, rounds, withEnrichment, out);
        out.println();
        out.print(SourcesBench.markdown(f));
        // Feed parsing (Rome + item normalisation) on generated RSS, the other half of the collector's own work.
        org.newsflow.ingest.feed.FeedBench.Result feeds = org.newsflow.ingest.feed.FeedBench.parseItems(5_000);
        out.printf("%nfeed items: %d parsed in %.2f s wall, %.2f s CPU: %.0f items/s, %.0f items per CPU-second%n",
                feeds.items(), feeds.nanos() / 1e9, feeds.cpuNanos() / 1e9, feeds.itemsPerSecond(), feeds.itemsPerCpuSecond());
        return 0;
    }
}
