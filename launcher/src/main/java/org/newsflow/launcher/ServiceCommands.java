package org.newsflow.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.newsflow.contract.Settings;
import org.newsflow.enrich.service.EnrichService;
import org.newsflow.ingest.IngestService;
import org.newsflow.ingest.publish.IngestConfig;
import org.newsflow.sink.SinkMain;
import org.newsflow.sink.consume.SinkConfig;
import org.newsflow.sink.consume.SinkService;
import org.newsflow.sink.store.ArticleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Each service on its own, against any Kafka cluster. Settings come from the environment (NEWSFLOW_*);
 * the few options here override them. See the README for every setting.
 */
final class ServiceCommands {
    private ServiceCommands() {}

    /** Options every service takes. */
    static class KafkaOptions {
        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", description = "Kafka bootstrap servers (env NEWSFLOW_BOOTSTRAP_SERVERS, default 127.0.0.1:9092)")
        String bootstrapServers;

        Settings settings() {
            Settings s = Settings.fromEnvironment();
            return bootstrapServers == null ? s : s.with("BOOTSTRAP_SERVERS", bootstrapServers);
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Publish article files, article pages (http(s) URLs) and feeds to the raw topic (bad input goes to the dead-letter topic).")
    static final class Ingest extends KafkaOptions implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "FILE_OR_DIR_OR_URL", description = "article files or directories, or http(s) URLs of article pages")
        List<String> inputs = List.of();

        @Mixin
        FeedOptions feeds;

        @Override
        public Integer call() throws Exception {
            if (feeds.used(inputs)) {
                return feeds.run(settings(), inputs);
            }
            if (inputs.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "give files, URLs, --feeds or --feed");
            }
            IngestService.Summary s = new IngestService(IngestConfig.from(settings())).ingest(inputs.stream().map(Path::of).toList());
            System.out.printf("%d articles published, %d inputs rejected to the dead-letter topic%n", s.published(), s.rejected());
            return 0;
        }
    }

    @Command(name = "enrich", mixinStandardHelpOptions = true, description = "Run the enrich service until stopped (consume raw, publish enriched, exactly once).")
    static final class Enrich extends KafkaOptions implements Callable<Integer> {
        @Option(names = "--threads", description = "worker threads (env NEWSFLOW_ENRICH_THREADS, default: cores)")
        Integer threads;

        @Override
        public Integer call() throws Exception {
            Settings s = settings();
            if (threads != null) {
                s = s.with("ENRICH_THREADS", threads.toString());
            }
            EnrichService.run(s);
            return 0;
        }
    }

    @Command(name = "sink", mixinStandardHelpOptions = true, description = "Run the sink service and its query API until stopped.")
    static final class Sink extends KafkaOptions implements Callable<Integer> {
        @Option(names = "--store", paramLabel = "URL", description = "sqlite:PATH or postgresql://... (env NEWSFLOW_SINK_STORE, default sqlite:./data/newsflow.db)")
        String store;

        @Override
        public Integer call() throws Exception {
            SinkConfig config = SinkConfig.from(settings());
            if (store != null) {
                config = config.withStore(store);
            }
            ArticleStore articles = SinkMain.openWithRetry(config); // the database may come up after the sink
            SinkService service = new SinkService(config, articles, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Dashboard.staticFiles());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                service.close();
                articles.close();
            }, "sink-shutdown"));
            service.start();
            Thread.currentThread().join();
            return 0;
        }
    }
}
