package org.newsflow.launcher;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.newsflow.contract.EnrichedArticle;
import org.newsflow.contract.Settings;
import org.newsflow.contract.Topics;
import org.newsflow.enrich.Enricher;
import org.newsflow.enrich.service.EnrichConfig;
import org.newsflow.enrich.service.EnrichMetrics;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.kafka.embedded.EmbeddedKafkaBroker;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.store.ArticleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The all-in-one mode: a real Kafka broker in-process, the three services in this process, the sample articles
 * fed through, and a per-article summary once every sample is in the store.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run ingest, enrich and sink on an embedded Kafka broker with the sample articles; print what was tagged.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--samples", paramLabel = "DIR", description = "articles to feed (default: samples/ of the project)")
    Path samples;

    @Option(names = "--store", paramLabel = "URL", description = "sink store (default: sqlite:data/demo.db under the project, emptied at each run)")
    String store;

    @Option(names = "--serve", description = "keep the services and the query API running after the summary, until Ctrl-C")
    boolean serve;

    @Option(names = "--port", description = "query API port (default: ${DEFAULT-VALUE})", defaultValue = "8083")
    int port;

    @Option(names = "--timeout", description = "seconds to wait for every sample to reach the store (default: ${DEFAULT-VALUE})", defaultValue = "300")
    int timeoutSeconds;

    @Option(names = "--verbose", description = "print the services' logs here (by default they go to data/demo.log)")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path log = home.resolve("data/demo.log");
        if (!verbose && LogFile.redirect(log)) {
            out.println("newsflow demo: logs go to " + log + " (--verbose prints them here)");
        }
        // Declared first, closed last: Ctrl-C stops enrich, sink, the store and the broker (which deletes its temp
        // data) in this order before the JVM exits.
        try (ShutdownSignal signal = ShutdownSignal.install(Duration.ofSeconds(30))) {
            try {
                return run(home, out, signal);
            } catch (Exception e) {
                if (!signal.requested()) {
                    throw e;
                }
                out.println("newsflow demo: interrupted; services stopped, broker data removed");
                return 130;
            }
        }
    }

    private int run(Path home, PrintStream out, ShutdownSignal signal) throws Exception {
        Path input = samples != null ? samples : home.resolve("samples");
        String storeUrl = store;
        if (storeUrl == null) {
            // The demo shows one run from scratch: a store left by an older version must not get in the way.
            Path demoDb = home.resolve("data/demo.db");
            java.nio.file.Files.deleteIfExists(demoDb);
            storeUrl = "sqlite:" + demoDb;
        }
        Instant started = Instant.now();

        out.println("newsflow demo: starting an embedded Kafka broker (KRaft) ...");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            Topics topics = Topics.defaults();
            broker.createTopics(Map.of(topics.raw(), 4, topics.enriched(), 4, topics.dlq(), 1));
            Settings settings = Settings.fromEnvironment().with("BOOTSTRAP_SERVERS", broker.bootstrapServers());

            out.println("newsflow demo: loading CoreNLP and the gazetteers (10-20 s) ...");
            Enricher enricher = Enricher.shared();
            // One registry for the whole process: the sink's /metrics then shows enrich's meters too.
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            SinkConfig sinkConfig = SinkConfig.from(settings).withStore(storeUrl).withHttp("127.0.0.1", freeOr(port), true);
            try (ArticleStore articles = ArticleStore.open(storeUrl);
                    org.newsflow.launcher.dashboard.PipelineHealth health = Dashboard.pipelineHealth(sinkConfig, settings);
                    SinkServer sink = new SinkServer(sinkConfig, articles, registry, Dashboard.staticFiles(health, articles));
                    EnrichService enrich = new EnrichService(EnrichConfig.from(settings), enricher, new EnrichMetrics(registry))) {
                sink.start();
                enrich.start();
                // Language and near-duplicate marking, as the standalone ingest service does, for files and feeds alike.
                IngestConfig ingestConfig = IngestConfig.from(settings);
                List<org.newsflow.ingest.process.ArticleProcessor> processors =
                        org.newsflow.ingest.process.StandardProcessors.create(ingestConfig, settings);
                IngestService.Summary ingested = new IngestService(ingestConfig, processors, registry).ingest(List.of(input));
                out.printf("newsflow demo: %d articles from %s published to %s on %s (%d rejected to %s)%n",
                        ingested.published(), input, topics.raw(), broker.bootstrapServers(), ingested.rejected(), topics.dlq());

                List<String> ids = new ArrayList<>(ingested.ids());
                ids.addAll(DemoCommand.feeds(input.resolve("feeds"), settings, processors, registry, out));

                List<EnrichedArticle> stored = awaitStored(articles, ids, started, Duration.ofSeconds(timeoutSeconds));
                if (stored.size() < ids.size()) {
                    out.printf("newsflow demo: only %d of %d articles reached the store within %d s%n",
                            stored.size(), ids.size(), timeoutSeconds);
                    return 1;
                }
                out.printf("newsflow demo: all %d articles enriched and stored in %s in %.1f s%n%n",
                        stored.size(), articles.describe(), Duration.between(started, Instant.now()).toMillis() / 1000.0);
                stored.forEach(a -> out.println(Summaries.of(a)));
                if (!serve) {
                    out.println("newsflow demo: done. `./newsflow demo --serve` keeps the dashboard and the query API running.");
                    return 0;
                }
                out.printf("Dashboard: http://127.0.0.1:%1$d/   query API: http://127.0.0.1:%1$d/api/articles   OpenAPI: /api/openapi.json   metrics: /metrics%n", sink.httpPort());
                out.println("Serving until Ctrl-C ...");
                signal.await();
                out.println("newsflow demo: stopping enrich, sink, the store and the broker ...");
            }
        }
        out.println("newsflow demo: stopped; the broker's temporary data is removed");
        return 0;
    }

    /**
     * The feed path, offline: the fixture feeds and pages of samples/feeds served on 127.0.0.1 and collected once
     * like any feed (summary-only items through their pages; a page with no article to the dead-letter topic).
     */
    private static List<String> feeds(Path dir, Settings settings, List<org.newsflow.ingest.process.ArticleProcessor> processors,
            io.micrometer.core.instrument.MeterRegistry registry, PrintStream out) throws Exception {
        if (!java.nio.file.Files.isRegularFile(dir.resolve("feeds.list"))) {
            return List.of();
        }
        Path state = java.nio.file.Files.createTempDirectory("newsflow-demo-feeds"); // each demo starts from scratch
        try (DemoFeeds feeds = DemoFeeds.serve(dir);
                IngestService ingest = new IngestService(IngestConfig.from(settings), processors, registry)) {
            IngestService.Summary s = ingest.run(List.of(feeds.source(state, registry)));
            out.printf("newsflow demo: %d articles from the feeds in %s (served at %s) published (%d rejected to the dead-letter topic)%n",
                    s.published(), dir, feeds.base(), s.rejected());
            return s.ids();
        }
    }

    /** The requested port, or any free one when it is taken (a second demo, another service): the demo must still run. */
    private static int freeOr(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return port;
        } catch (java.io.IOException taken) {
            return 0;
        }
    }

    /** Waits until every id has a version in the store enriched during this run (older runs' versions don't count). */
    private static List<EnrichedArticle> awaitStored(ArticleStore store, List<String> ids, Instant since, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<EnrichedArticle> found = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            found.clear();
            for (String id : ids) {
                Optional<EnrichedArticle> a = store.find(id).filter(e -> !e.enrichedAt().isBefore(since));
                a.ifPresent(found::add);
            }
            if (found.size() == ids.size()) {
                break;
            }
            Thread.sleep(250);
        }
        return found;
    }
}
